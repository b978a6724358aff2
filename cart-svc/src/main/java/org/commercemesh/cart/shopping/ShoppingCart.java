package org.commercemesh.cart.shopping;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A shopping cart; a user has at most one ACTIVE cart. */
@Entity
@Table(name = "cart")
public class ShoppingCart extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CartState status;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "converted_order_id")
    public UUID convertedOrderId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The last bought line left an ACTIVE cart: it becomes that order's, and the next add starts a new cart. */
    public void convertTo(UUID orderId, Instant now) {
        updatedAt = now;
        if (status == CartState.ACTIVE) {
            status = CartState.CONVERTED;
            convertedOrderId = orderId;
        }
    }
}
