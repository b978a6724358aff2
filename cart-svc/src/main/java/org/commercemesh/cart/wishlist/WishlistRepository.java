package org.commercemesh.cart.wishlist;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.NotFoundException;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Wishlists, looked up by owner so another user's wishlist is simply not found. */
@ApplicationScoped
public class WishlistRepository implements PanacheRepositoryBase<CustomerWishlist, UUID> {

    public Uni<CustomerWishlist> getOwned(UUID userId, UUID wishlistId) {
        return find("id = ?1 and userId = ?2", wishlistId, userId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("wishlist", wishlistId));
    }

    /** The default first, then newest first. */
    public Uni<List<CustomerWishlist>> listOwned(UUID userId, int offset, int limit) {
        return find("userId = ?1 order by isDefault desc, createdAt desc, id", userId).range(offset, offset + limit - 1)
                .list();
    }

    /** The user's default wishlist, or null. */
    public Uni<CustomerWishlist> findDefault(UUID userId) {
        return find("userId = ?1 and isDefault = true", userId).firstResult();
    }

    public Uni<Long> countOwned(UUID userId) {
        return count("userId", userId);
    }
}
