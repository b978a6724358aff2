package org.commercemesh.cart.wishlist;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.commercemesh.platform.persistence.TrackedEntity;

/** A named list of wanted products; one default per user. */
@Entity
@Table(name = "wishlist")
public class CustomerWishlist extends TrackedEntity {

    public UUID userId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Privacy privacy;
    public boolean isDefault;

    /** Set while the wishlist is SHARED; whoever holds it may read the wishlist. */
    public String shareToken;

}
