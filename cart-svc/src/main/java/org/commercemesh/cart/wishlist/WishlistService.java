package org.commercemesh.cart.wishlist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Wishlists. Every lookup by id is scoped to its owner, so someone else's wishlist is
 * NOT_FOUND; only GetShared opens another user's wishlist, and only a PUBLIC one or a SHARED
 * one with its token.
 */
@ApplicationScoped
public class WishlistService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WishlistRepository wishlists;
    private final WishlistEntryRepository entries;
    private final CatalogClient catalog;
    private final int maxPerUser;
    private final int maxItems;

    public WishlistService(WishlistRepository wishlists, WishlistEntryRepository entries, CatalogClient catalog,
            @ConfigProperty(name = "commerce.wishlist.max-per-user") int maxPerUser,
            @ConfigProperty(name = "commerce.wishlist.max-items") int maxItems) {
        this.wishlists = wishlists;
        this.entries = entries;
        this.catalog = catalog;
        this.maxPerUser = maxPerUser;
        this.maxItems = maxItems;
    }

    @WithTransaction
    public Uni<WishlistContents> create(UUID userId, String name, Privacy privacy) {
        return wishlists.countOwned(userId).chain(count -> {
            if (count >= maxPerUser) {
                throw new FailedPreconditionException("WISHLIST_LIMIT_REACHED",
                        "a user may keep at most " + maxPerUser + " wishlists");
            }
            return persistNew(userId, name, privacy, count == 0);
        }).map(wishlist -> new WishlistContents(wishlist, List.of(), 0));
    }

    @WithSession
    public Uni<WishlistContents> get(UUID userId, UUID wishlistId) {
        return wishlists.getOwned(userId, wishlistId).chain(this::contents);
    }

    @WithSession
    public Uni<List<WishlistContents>> list(UUID userId, int offset, int limit) {
        return wishlists.listOwned(userId, offset, limit)
                .chain(page -> entries.countsIn(page.stream().map(wishlist -> wishlist.id).toList())
                        .map(counts -> page.stream()
                                .map(wishlist -> new WishlistContents(wishlist, List.of(),
                                        counts.getOrDefault(wishlist.id, 0L)))
                                .toList()));
    }

    @WithTransaction
    public Uni<WishlistContents> update(UUID userId, UUID wishlistId, String name, Privacy privacy, UpdateMask mask) {
        return wishlists.getOwned(userId, wishlistId).invoke(wishlist -> {
            if (mask.has("name")) {
                wishlist.name = name.strip();
            }
            if (mask.has("privacy") && privacy != wishlist.privacy) {
                wishlist.privacy = privacy;
                wishlist.shareToken = privacy == Privacy.SHARED ? newShareToken() : null;
            }
            wishlist.updatedAt = Instant.now();
        }).chain(this::contents);
    }

    @WithTransaction
    public Uni<Void> delete(UUID userId, UUID wishlistId) {
        return wishlists.getOwned(userId, wishlistId).call(wishlist -> wishlist.isDefault
                ? wishlists.countOwned(userId).invoke(count -> {
                    if (count > 1) {
                        throw new FailedPreconditionException("DEFAULT_WISHLIST",
                                "the default wishlist can only be deleted once it is the last one");
                    }
                })
                : Uni.createFrom().voidItem())
                .call(wishlist -> entries.deleteAllIn(wishlist.id))
                .call(wishlists::delete)
                .replaceWithVoid();
    }

    /**
     * Adds a product that exists in the catalog; {@code wishlistId} null means the default
     * wishlist, created when needed. The catalog is asked before the transaction opens.
     */
    public Uni<WishlistContents> addItem(UUID userId, UUID wishlistId, UUID productId, String notes) {
        return catalog.products(List.of(productId)).chain(found -> {
            if (!found.containsKey(productId)) {
                throw new NotFoundException("product", productId);
            }
            return Panache.withTransaction(
                    () -> (wishlistId == null ? defaultWishlist(userId) : wishlists.getOwned(userId, wishlistId))
                            .call(wishlist -> entries.countIn(wishlist.id).invoke(count -> {
                                if (count >= maxItems) {
                                    throw new FailedPreconditionException("WISHLIST_FULL",
                                            "a wishlist holds at most " + maxItems + " items");
                                }
                            }))
                            .call(wishlist -> entries.holds(wishlist.id, productId).invoke(held -> {
                                if (held) {
                                    throw new AlreadyExistsException("the product is already on this wishlist");
                                }
                            }))
                            .call(wishlist -> {
                                WishlistEntry entry = new WishlistEntry();
                                entry.id = Ids.newId();
                                entry.wishlistId = wishlist.id;
                                entry.productId = productId;
                                entry.notes = notes.strip();
                                entry.addedAt = Instant.now();
                                wishlist.updatedAt = entry.addedAt;
                                return entries.persist(entry);
                            })
                            .chain(this::contents));
        });
    }

    @WithTransaction
    public Uni<WishlistContents> removeItem(UUID userId, UUID wishlistId, UUID entryId) {
        return wishlists.getOwned(userId, wishlistId)
                .call(wishlist -> entries.getIn(wishlist.id, entryId).chain(entries::delete))
                .invoke(wishlist -> wishlist.updatedAt = Instant.now())
                .chain(this::contents);
    }

    /** The entry, checked to be on the caller's wishlist. */
    @WithSession
    public Uni<WishlistEntry> item(UUID userId, UUID wishlistId, UUID entryId) {
        return wishlists.getOwned(userId, wishlistId).chain(wishlist -> entries.getIn(wishlist.id, entryId));
    }

    /** PUBLIC by id, SHARED with the right token, PRIVATE never: anything else is NOT_FOUND. */
    @WithSession
    public Uni<WishlistContents> getShared(UUID wishlistId, String shareToken) {
        return wishlists.findById(wishlistId)
                .invoke(wishlist -> {
                    boolean visible = wishlist != null && (wishlist.privacy == Privacy.PUBLIC
                            || (wishlist.privacy == Privacy.SHARED && wishlist.shareToken != null
                                    && MessageDigest.isEqual(wishlist.shareToken.getBytes(StandardCharsets.UTF_8),
                                            shareToken.getBytes(StandardCharsets.UTF_8))));
                    if (!visible) {
                        throw new NotFoundException("wishlist", wishlistId);
                    }
                })
                .chain(this::contents);
    }

    private Uni<CustomerWishlist> defaultWishlist(UUID userId) {
        return wishlists.findDefault(userId)
                .onItem().ifNull().switchTo(() -> wishlists.countOwned(userId).chain(count -> {
                    if (count >= maxPerUser) {
                        throw new FailedPreconditionException("WISHLIST_LIMIT_REACHED",
                                "a user may keep at most " + maxPerUser + " wishlists");
                    }
                    return persistNew(userId, "My wishlist", Privacy.PRIVATE, true);
                }));
    }

    private Uni<CustomerWishlist> persistNew(UUID userId, String name, Privacy privacy, boolean isDefault) {
        CustomerWishlist wishlist = new CustomerWishlist();
        wishlist.id = Ids.newId();
        wishlist.userId = userId;
        wishlist.name = name.strip();
        wishlist.privacy = privacy;
        wishlist.isDefault = isDefault;
        wishlist.shareToken = privacy == Privacy.SHARED ? newShareToken() : null;
        wishlist.createdAt = Instant.now();
        wishlist.updatedAt = wishlist.createdAt;
        return wishlists.persist(wishlist);
    }

    private Uni<WishlistContents> contents(CustomerWishlist wishlist) {
        return Panache.flush().chain(() -> entries.entriesOf(wishlist.id))
                .map(found -> new WishlistContents(wishlist, found, found.size()));
    }

    private static String newShareToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
