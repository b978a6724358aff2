package org.commercemesh.cart.coupon;

/** Where a coupon redemption stands (coupon_redemption.status). */
public enum RedemptionState {
    /** Taken at checkout; counts against the limits. */
    RESERVED,
    /** The order was paid. */
    CONFIRMED,
    /** The order was cancelled, or never confirmed: the use is free again. */
    RELEASED
}
