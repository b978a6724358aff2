package org.commercemesh.cart.wishlist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A named list of wanted products; one default per user. */
@Entity
@Table(name = "wishlist")
public class CustomerWishlist extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Privacy privacy;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    /** Set while the wishlist is SHARED; whoever holds it may read the wishlist. */
    @Column(name = "share_token")
    public String shareToken;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
