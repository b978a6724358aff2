package org.commercemesh.cart.wishlist;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.NotFoundException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** What is on wishlists, always within one wishlist. */
@ApplicationScoped
public class WishlistEntryRepository implements PanacheRepositoryBase<WishlistEntry, UUID> {

    /** Newest first. */
    public Uni<List<WishlistEntry>> entriesOf(UUID wishlistId) {
        return list("wishlistId = ?1 order by addedAt desc, id", wishlistId);
    }

    public Uni<WishlistEntry> getIn(UUID wishlistId, UUID entryId) {
        return find("id = ?1 and wishlistId = ?2", entryId, wishlistId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("wishlist item", entryId));
    }

    public Uni<Long> countIn(UUID wishlistId) {
        return count("wishlistId", wishlistId);
    }

    public Uni<Boolean> holds(UUID wishlistId, UUID productId) {
        return count("wishlistId = ?1 and productId = ?2", wishlistId, productId).map(count -> count > 0);
    }

    /** Entries per wishlist, in one query for a page of wishlists. */
    public Uni<Map<UUID, Long>> countsIn(List<UUID> wishlistIds) {
        if (wishlistIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select wishlist_id, count(*) from wishlist_item where wishlist_id in (:ids) group by wishlist_id",
                Object[].class)
                .setParameter("ids", wishlistIds).getResultList())
                .map(rows -> {
                    Map<UUID, Long> counts = new HashMap<>();
                    rows.forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).longValue()));
                    return counts;
                });
    }

    public Uni<Long> deleteAllIn(UUID wishlistId) {
        return delete("wishlistId", wishlistId);
    }
}
