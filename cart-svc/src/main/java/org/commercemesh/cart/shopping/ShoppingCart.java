package org.commercemesh.cart.shopping;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.commercemesh.platform.persistence.TrackedEntity;

/** A shopping cart; a user has at most one ACTIVE cart. */
@Entity
@Table(name = "cart")
public class ShoppingCart extends TrackedEntity {

    public UUID userId;
    @Enumerated(EnumType.STRING)
    public CartState status;
    public Instant expiresAt;
    public UUID convertedOrderId;
    /** The coupon code applied (upper-case), or null. */
    public String couponCode;

    /** The last bought line left an ACTIVE cart: it becomes that order's, and the next add starts a new cart. */
    public void convertTo(UUID orderId, Instant now) {
        updatedAt = now;
        if (status == CartState.ACTIVE) {
            status = CartState.CONVERTED;
            convertedOrderId = orderId;
        }
    }
}
