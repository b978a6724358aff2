package org.commercemesh.cart.shopping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commercemesh.cart.coupon.CouponPricing;
import org.commercemesh.cart.coupon.CouponPricing.Line;
import org.commercemesh.cart.coupon.CouponPricing.Outcome;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.platform.money.Amount;

/**
 * A cart as the caller sees it: each line's snapshot price beside the price the catalog quotes
 * now, and what its coupon is worth. {@code current} is empty when the catalog could not be
 * asked; lines then show no current price rather than the cart failing. {@code coupon} is null
 * without a coupon.
 */
public record PricedCart(ShoppingCart cart, List<CartLine> lines, Map<UUID, Product> current, Outcome coupon) {

    /** The lines as a coupon prices them: snapshot totals, and the categories the catalog gives now. */
    public List<Line> couponLines() {
        return lines.stream().map(line -> new Line(line.productId,
                new Amount(line.unitPrice, line.currency).times(line.quantity),
                CouponPricing.categoriesOf(current.get(line.productId)))).toList();
    }
}
