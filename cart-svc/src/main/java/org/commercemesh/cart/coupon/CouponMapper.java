package org.commercemesh.cart.coupon;

import org.commercemesh.cart.v1.Coupon;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.time.ProtoTime;

public final class CouponMapper {

    private CouponMapper() {
    }

    public static Coupon toProto(DiscountCoupon coupon, long held) {
        Coupon.Builder message = Coupon.newBuilder()
                .setCode(coupon.code)
                .setMaxRedemptions(coupon.maxRedemptions)
                .setMaxRedemptionsPerUser(coupon.maxPerUser)
                .setCategoryId(coupon.categoryId == null ? "" : coupon.categoryId.toString())
                .setActive(coupon.active)
                .setRedemptionCount((int) held)
                .setCreateTime(ProtoTime.toProto(coupon.createdAt))
                .setUpdateTime(ProtoTime.toProto(coupon.updatedAt));
        if (coupon.percentOff != null) {
            message.setPercentOff(coupon.percentOff);
        } else {
            message.setAmountOff(new Amount(coupon.amountOff, coupon.currency).toProto());
        }
        if (coupon.minimumSubtotal != null) {
            message.setMinimumSubtotal(new Amount(coupon.minimumSubtotal, coupon.currency).toProto());
        }
        if (coupon.startsAt != null) {
            message.setStartTime(ProtoTime.toProto(coupon.startsAt));
        }
        if (coupon.endsAt != null) {
            message.setEndTime(ProtoTime.toProto(coupon.endsAt));
        }
        return message.build();
    }
}
