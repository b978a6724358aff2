package org.commercemesh.cart.wishlist;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A product on a wishlist; a product appears once a wishlist. */
@Entity
@Table(name = "wishlist_item")
public class WishlistEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID wishlistId;
    public UUID productId;
    public String notes;
    public Instant addedAt;
}
