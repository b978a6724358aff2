package org.commercemesh.order.checkout;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.money.Amount;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Order amounts (design §8): VAT on the subtotal after discount, the quoted rate the buyer
 * chose or else a flat shipping fee that falls away above a threshold, total = subtotal −
 * discount + tax + shipping.
 */
@ApplicationScoped
public class Pricing {

    /** The amounts of one order. */
    public record Totals(Amount subtotal, Amount discount, Amount tax, Amount shipping, Amount total) {
    }

    private final BigDecimal vatRate;
    private final BigDecimal shippingFlat;
    private final BigDecimal freeShippingThreshold;

    public Pricing(@ConfigProperty(name = "commerce.checkout.vat-rate") BigDecimal vatRate,
            @ConfigProperty(name = "commerce.checkout.shipping-flat") BigDecimal shippingFlat,
            @ConfigProperty(name = "commerce.checkout.free-shipping-threshold") BigDecimal freeShippingThreshold) {
        this.vatRate = vatRate;
        this.shippingFlat = shippingFlat;
        this.freeShippingThreshold = freeShippingThreshold;
    }

    /**
     * {@code quoted}: the fee of the shipping rate the buyer chose, or null for the shop's flat
     * fee; {@code discount}: what the cart's coupon takes off, or null. The free-shipping
     * threshold looks at the subtotal before the discount.
     */
    public Totals totals(Amount subtotal, Amount quoted, Amount coupon) {
        Amount discount = coupon == null ? Amount.zero(subtotal.currency()) : coupon;
        Amount taxable = subtotal.minus(discount);
        Amount tax = new Amount(taxable.times(vatRate).value().setScale(2, java.math.RoundingMode.HALF_EVEN),
                subtotal.currency());
        Amount shipping = quoted != null
                ? quoted
                : subtotal.value().compareTo(freeShippingThreshold) >= 0
                        ? Amount.zero(subtotal.currency())
                        : new Amount(shippingFlat, subtotal.currency());
        Amount total = taxable.plus(tax).plus(shipping);
        requireStorable(total);
        return new Totals(subtotal, discount, tax, shipping, total);
    }

    /**
     * FAILED_PRECONDITION {@code ORDER_TOO_LARGE} unless the amount fits the order's NUMERIC(19,4)
     * columns: a cart of fifty items at a price just below the limit would otherwise fail at the
     * insert, after the coupon was redeemed and before the buyer was told why. Checkout checks the
     * subtotal before it holds anything, {@link #totals} the total with tax and shipping.
     */
    static void requireStorable(Amount amount) {
        if (!amount.storable()) {
            throw new FailedPreconditionException("ORDER_TOO_LARGE", "an order can come to less than "
                    + "1,000,000,000,000,000 " + amount.currency() + "; order fewer items at once");
        }
    }
}
