package org.commercemesh.cart.coupon;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.commercemesh.cart.v1.Coupon;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.time.ProtoTime;

/** Validation of coupon fields and copying them onto the entity, for create and update alike. */
final class CouponRules {

    static final Set<String> UPDATABLE = Set.of("percent_off", "amount_off", "minimum_subtotal", "start_time",
            "end_time", "max_redemptions", "max_redemptions_per_user", "category_id", "active");

    private CouponRules() {
    }

    static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    static void validate(Coupon coupon, UpdateMask mask, boolean creating, Violations violations) {
        if (creating) {
            violations.check(normalise(coupon.getCode()).matches("[A-Z0-9-]{3,32}"), "coupon.code",
                    "must be 3–32 letters, digits or '-'");
            violations.check((coupon.getPercentOff() != 0) != coupon.hasAmountOff(), "coupon.percent_off",
                    "give either percent_off or amount_off");
        }
        if (mask.has("percent_off") && coupon.getPercentOff() != 0) {
            violations.range("coupon.percent_off", coupon.getPercentOff(), 1, 100);
        }
        if (mask.has("amount_off") && coupon.hasAmountOff()) {
            Amount off = violations.amount("coupon.amount_off", coupon.getAmountOff());
            violations.check(off == null || off.isPositive(), "coupon.amount_off", "must be more than zero");
        }
        if (mask.has("minimum_subtotal") && coupon.hasMinimumSubtotal()) {
            violations.amount("coupon.minimum_subtotal", coupon.getMinimumSubtotal());
        }
        if (mask.has("max_redemptions")) {
            violations.range("coupon.max_redemptions", coupon.getMaxRedemptions(), 0, 10_000_000);
        }
        if (mask.has("max_redemptions_per_user")) {
            violations.range("coupon.max_redemptions_per_user", coupon.getMaxRedemptionsPerUser(), 0, 1000);
        }
        if (mask.has("category_id")) {
            violations.optionalUuid("coupon.category_id", coupon.getCategoryId());
        }
        if (coupon.hasStartTime() && coupon.hasEndTime()) {
            violations.check(
                    ProtoTime.fromProto(coupon.getStartTime()).isBefore(ProtoTime.fromProto(coupon.getEndTime())),
                    "coupon.end_time", "must be after start_time");
        }
    }

    /** Copies the masked fields; {@code currency} is the shop's, which fixed amounts must be in. */
    static void apply(Coupon coupon, UpdateMask mask, DiscountCoupon entity, String currency) {
        if (mask.has("percent_off") && coupon.getPercentOff() != 0) {
            entity.percentOff = coupon.getPercentOff();
            entity.amountOff = null;
        }
        if (mask.has("amount_off") && coupon.hasAmountOff()) {
            entity.amountOff = Amount.fromProto(coupon.getAmountOff()).value();
            entity.percentOff = null;
        }
        if (mask.has("minimum_subtotal")) {
            entity.minimumSubtotal = coupon.hasMinimumSubtotal()
                    ? Amount.fromProto(coupon.getMinimumSubtotal()).value()
                    : null;
        }
        if (mask.has("start_time")) {
            entity.startsAt = coupon.hasStartTime() ? ProtoTime.fromProto(coupon.getStartTime()) : null;
        }
        if (mask.has("end_time")) {
            entity.endsAt = coupon.hasEndTime() ? ProtoTime.fromProto(coupon.getEndTime()) : null;
        }
        if (mask.has("max_redemptions")) {
            entity.maxRedemptions = coupon.getMaxRedemptions();
        }
        if (mask.has("max_redemptions_per_user")) {
            entity.maxPerUser = coupon.getMaxRedemptionsPerUser();
        }
        if (mask.has("category_id")) {
            entity.categoryId = coupon.getCategoryId().isEmpty() ? null : UUID.fromString(coupon.getCategoryId());
        }
        if (mask.has("active")) {
            entity.active = coupon.getActive();
        }
        entity.currency = currency;
    }

    static boolean sameCurrency(Coupon coupon, String currency) {
        return (!coupon.hasAmountOff() || coupon.getAmountOff().getCurrencyCode().equals(currency))
                && (!coupon.hasMinimumSubtotal() || coupon.getMinimumSubtotal().getCurrencyCode().equals(currency));
    }
}
