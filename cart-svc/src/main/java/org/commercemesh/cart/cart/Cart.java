package org.commercemesh.cart.cart;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A shopping cart; a user has at most one ACTIVE cart. */
@Entity
@Table(name = "cart")
public class Cart extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** ACTIVE, CONVERTED or ABANDONED. */
    @Column(nullable = false)
    public String status;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "converted_order_id")
    public UUID convertedOrderId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
