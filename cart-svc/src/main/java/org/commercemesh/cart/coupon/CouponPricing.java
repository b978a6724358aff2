package org.commercemesh.cart.coupon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.commercemesh.catalog.v1.Product;
import org.commercemesh.platform.money.Amount;

/**
 * What a coupon takes off a set of lines now, or why it takes nothing. The cart shows this, and
 * RedeemCoupon charges it (after checking the limits, which only a redemption can).
 */
public final class CouponPricing {

    public static final String INACTIVE = "COUPON_INACTIVE";
    public static final String NOT_STARTED = "COUPON_NOT_STARTED";
    public static final String EXPIRED = "COUPON_EXPIRED";
    public static final String MINIMUM_NOT_MET = "COUPON_MINIMUM_NOT_MET";
    public static final String NOT_APPLICABLE = "COUPON_NOT_APPLICABLE";
    public static final String EXHAUSTED = "COUPON_EXHAUSTED";
    public static final String USER_LIMIT = "COUPON_USER_LIMIT";

    /** A line: its product, its total and the product's categories. */
    public record Line(UUID productId, Amount total, Set<UUID> categories) {
    }

    /** A discount (zero when refused) and the reason it was refused, or null. */
    public record Outcome(Amount discount, String problem) {

        static Outcome refused(String problem, String currency) {
            return new Outcome(Amount.zero(currency), problem);
        }

        public boolean applies() {
            return problem == null;
        }
    }

    private CouponPricing() {
    }

    /** The categories a coupon's category restriction looks at: every category the product is in. */
    public static Set<UUID> categoriesOf(Product product) {
        return product == null
                ? Set.of()
                : product.getCategoriesList().stream().map(category -> UUID.fromString(category.getCategoryId()))
                        .collect(Collectors.toSet());
    }

    public static Outcome evaluate(DiscountCoupon coupon, List<Line> lines, String currency, Instant now) {
        if (!coupon.active) {
            return Outcome.refused(INACTIVE, currency);
        }
        if (coupon.startsAt != null && now.isBefore(coupon.startsAt)) {
            return Outcome.refused(NOT_STARTED, currency);
        }
        if (coupon.endsAt != null && !now.isBefore(coupon.endsAt)) {
            return Outcome.refused(EXPIRED, currency);
        }
        if (!coupon.currency.equals(currency)) {
            return Outcome.refused(NOT_APPLICABLE, currency);
        }
        BigDecimal subtotal = lines.stream().map(line -> line.total().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (coupon.minimumSubtotal != null && subtotal.compareTo(coupon.minimumSubtotal) < 0) {
            return Outcome.refused(MINIMUM_NOT_MET, currency);
        }
        BigDecimal eligible = coupon.categoryId == null
                ? subtotal
                : lines.stream().filter(line -> line.categories().contains(coupon.categoryId))
                        .map(line -> line.total().value()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (eligible.signum() == 0) {
            return Outcome.refused(NOT_APPLICABLE, currency);
        }
        BigDecimal off = coupon.percentOff != null
                ? eligible.multiply(BigDecimal.valueOf(coupon.percentOff)).divide(BigDecimal.valueOf(100), 2,
                        RoundingMode.HALF_EVEN)
                : coupon.amountOff.min(eligible);
        return new Outcome(new Amount(off, currency), null);
    }
}
