package org.commercemesh.cart.wishlist;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.cart.catalog.CatalogClient;
import org.commercemesh.platform.error.AlreadyExistsException;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.id.Ids;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Wishlists. Every lookup by id is scoped to its owner, so someone else's wishlist is
 * NOT_FOUND; only GetShared opens another user's wishlist, and only a PUBLIC one or a SHARED
 * one with its token.
 */
@ApplicationScoped
public class WishlistBook {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A wishlist with its items. */
    public record Contents(Wishlist wishlist, List<WishlistItem> items, long itemCount) {
    }

    private final CatalogClient catalog;
    private final int maxPerUser;
    private final int maxItems;

    public WishlistBook(CatalogClient catalog, @ConfigProperty(name = "commerce.wishlist.max-per-user") int maxPerUser,
            @ConfigProperty(name = "commerce.wishlist.max-items") int maxItems) {
        this.catalog = catalog;
        this.maxPerUser = maxPerUser;
        this.maxItems = maxItems;
    }

    public Uni<Contents> create(UUID userId, String name, Privacy privacy) {
        return Panache.withTransaction(() -> Wishlist.count("userId", userId).chain(count -> {
            if (count >= maxPerUser) {
                throw new FailedPreconditionException("WISHLIST_LIMIT_REACHED", "a user may keep at most " + maxPerUser + " wishlists");
            }
            return persistNew(userId, name, privacy, count == 0);
        })).map(wishlist -> new Contents(wishlist, List.of(), 0));
    }

    public Uni<Contents> get(UUID userId, UUID wishlistId) {
        return Panache.withSession(() -> owned(userId, wishlistId).chain(WishlistBook::contents));
    }

    public Uni<List<Contents>> list(UUID userId, int offset, int limit) {
        return Panache.withSession(() -> Wishlist.<Wishlist>find("userId = ?1 order by isDefault desc, createdAt desc, id", userId)
                .range(offset, offset + limit - 1).list()
                .chain(wishlists -> wishlists.isEmpty() ? Uni.createFrom().item(List.<Contents>of())
                        : Panache.getSession().chain(session -> session.createNativeQuery(
                                        "select wishlist_id, count(*) from wishlist_item where wishlist_id in (:ids) group by wishlist_id",
                                        Object[].class)
                                .setParameter("ids", wishlists.stream().map(w -> w.id).toList()).getResultList())
                        .map(rows -> {
                            Map<UUID, Long> counts = new HashMap<>();
                            rows.forEach(row -> counts.put((UUID) row[0], ((Number) row[1]).longValue()));
                            return wishlists.stream().map(w -> new Contents(w, List.of(), counts.getOrDefault(w.id, 0L))).toList();
                        })));
    }

    public Uni<Contents> update(UUID userId, UUID wishlistId, String name, Privacy privacy, UpdateMask mask) {
        return Panache.withTransaction(() -> owned(userId, wishlistId).invoke(wishlist -> {
            if (mask.has("name")) {
                wishlist.name = name.strip();
            }
            if (mask.has("privacy") && privacy != wishlist.privacy) {
                wishlist.privacy = privacy;
                wishlist.shareToken = privacy == Privacy.SHARED ? newShareToken() : null;
            }
            wishlist.updatedAt = Instant.now();
        }).chain(WishlistBook::contents));
    }

    public Uni<Void> delete(UUID userId, UUID wishlistId) {
        return Panache.withTransaction(() -> owned(userId, wishlistId).call(wishlist -> wishlist.isDefault
                ? Wishlist.count("userId", userId).invoke(count -> {
                    if (count > 1) {
                        throw new FailedPreconditionException("DEFAULT_WISHLIST",
                                "the default wishlist can only be deleted once it is the last one");
                    }
                })
                : Uni.createFrom().voidItem())
                .call(wishlist -> WishlistItem.delete("wishlistId", wishlist.id))
                .call(Wishlist::delete)).replaceWithVoid();
    }

    /** Adds a product that exists in the catalog; {@code wishlistId} null means the default wishlist, created when needed. */
    public Uni<Contents> addItem(UUID userId, UUID wishlistId, UUID productId, String notes) {
        return catalog.products(List.of(productId)).chain(found -> {
            if (!found.containsKey(productId)) {
                throw new NotFoundException("product", productId);
            }
            return Panache.withTransaction(() -> (wishlistId == null ? defaultWishlist(userId) : owned(userId, wishlistId))
                    .call(wishlist -> WishlistItem.count("wishlistId", wishlist.id).invoke(count -> {
                        if (count >= maxItems) {
                            throw new FailedPreconditionException("WISHLIST_FULL", "a wishlist holds at most " + maxItems + " items");
                        }
                    }))
                    .call(wishlist -> WishlistItem.count("wishlistId = ?1 and productId = ?2", wishlist.id, productId)
                            .invoke(count -> {
                                if (count > 0) {
                                    throw new AlreadyExistsException("the product is already on this wishlist");
                                }
                            }))
                    .call(wishlist -> {
                        WishlistItem item = new WishlistItem();
                        item.id = Ids.newId();
                        item.wishlistId = wishlist.id;
                        item.productId = productId;
                        item.notes = notes.strip();
                        item.addedAt = Instant.now();
                        wishlist.updatedAt = item.addedAt;
                        return item.persist();
                    })
                    .chain(WishlistBook::contents));
        });
    }

    public Uni<Contents> removeItem(UUID userId, UUID wishlistId, UUID itemId) {
        return Panache.withTransaction(() -> owned(userId, wishlistId)
                .call(wishlist -> ownedItem(wishlist, itemId).chain(WishlistItem::delete))
                .invoke(wishlist -> wishlist.updatedAt = Instant.now())
                .chain(WishlistBook::contents));
    }

    /** The item, checked to be on the caller's wishlist. */
    public Uni<WishlistItem> item(UUID userId, UUID wishlistId, UUID itemId) {
        return Panache.withSession(() -> owned(userId, wishlistId).chain(wishlist -> ownedItem(wishlist, itemId)));
    }

    /** PUBLIC by id, SHARED with the right token, PRIVATE never: anything else is NOT_FOUND. */
    public Uni<Contents> getShared(UUID wishlistId, String shareToken) {
        return Panache.withSession(() -> Wishlist.<Wishlist>findById(wishlistId)
                .invoke(wishlist -> {
                    boolean visible = wishlist != null && (wishlist.privacy == Privacy.PUBLIC
                            || (wishlist.privacy == Privacy.SHARED && wishlist.shareToken != null
                                    && java.security.MessageDigest.isEqual(wishlist.shareToken.getBytes(StandardCharsets.UTF_8),
                                    shareToken.getBytes(StandardCharsets.UTF_8))));
                    if (!visible) {
                        throw new NotFoundException("wishlist", wishlistId);
                    }
                })
                .chain(WishlistBook::contents));
    }

    private Uni<Wishlist> defaultWishlist(UUID userId) {
        return Wishlist.<Wishlist>find("userId = ?1 and isDefault = true", userId).firstResult()
                .onItem().ifNull().switchTo(() -> Wishlist.count("userId", userId).chain(count -> {
                    if (count >= maxPerUser) {
                        throw new FailedPreconditionException("WISHLIST_LIMIT_REACHED",
                                "a user may keep at most " + maxPerUser + " wishlists");
                    }
                    return persistNew(userId, "My wishlist", Privacy.PRIVATE, true);
                }));
    }

    private static Uni<Wishlist> persistNew(UUID userId, String name, Privacy privacy, boolean isDefault) {
        Wishlist wishlist = new Wishlist();
        wishlist.id = Ids.newId();
        wishlist.userId = userId;
        wishlist.name = name.strip();
        wishlist.privacy = privacy;
        wishlist.isDefault = isDefault;
        wishlist.shareToken = privacy == Privacy.SHARED ? newShareToken() : null;
        wishlist.createdAt = Instant.now();
        wishlist.updatedAt = wishlist.createdAt;
        return wishlist.persist();
    }

    private static Uni<Wishlist> owned(UUID userId, UUID wishlistId) {
        return Wishlist.<Wishlist>find("id = ?1 and userId = ?2", wishlistId, userId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("wishlist", wishlistId));
    }

    private static Uni<WishlistItem> ownedItem(Wishlist wishlist, UUID itemId) {
        return WishlistItem.<WishlistItem>find("id = ?1 and wishlistId = ?2", itemId, wishlist.id).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("wishlist item", itemId));
    }

    private static Uni<Contents> contents(Wishlist wishlist) {
        return Panache.flush().chain(() -> WishlistItem.<WishlistItem>list("wishlistId = ?1 order by addedAt desc, id", wishlist.id))
                .map(items -> new Contents(wishlist, items, items.size()));
    }

    private static String newShareToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
