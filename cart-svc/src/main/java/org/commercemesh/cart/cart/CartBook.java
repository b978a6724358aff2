package org.commercemesh.cart.cart;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.cart.catalog.CatalogClient;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.money.Amount;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Carts. Catalog checks happen before any transaction opens, so a slow or absent catalog
 * leaves the cart untouched; every change slides the expiry forward.
 */
@ApplicationScoped
public class CartBook {

    private static final Logger LOG = Logger.getLogger(CartBook.class);
    static final int MAX_QUANTITY = 99;

    private final CatalogClient catalog;
    private final Duration ttl;
    private final int maxLines;

    public CartBook(CatalogClient catalog, @ConfigProperty(name = "commerce.cart.ttl") Duration ttl,
            @ConfigProperty(name = "commerce.cart.max-lines") int maxLines) {
        this.catalog = catalog;
        this.ttl = ttl;
        this.maxLines = maxLines;
    }

    /** The caller's ACTIVE cart (an expired one is abandoned and a fresh one started). */
    public Uni<CartView> get(UUID userId) {
        return Panache.withTransaction(() -> activeCart(userId).chain(this::withItems))
                .chain(this::priced);
    }

    public Uni<CartView> add(UUID userId, UUID productId, int quantity, Map<String, String> options) {
        return catalog.products(List.of(productId)).chain(found -> {
            Product product = found.get(productId);
            if (product == null || product.getStatus() != ProductStatus.PRODUCT_STATUS_ACTIVE) {
                throw new FailedPreconditionException("PRODUCT_UNAVAILABLE", "product " + productId + " is not on sale",
                        Map.of("product_id", productId.toString()));
            }
            if (!product.getInStock()) {
                throw new FailedPreconditionException("OUT_OF_STOCK", "product " + productId + " is out of stock",
                        Map.of("product_id", productId.toString()));
            }
            String canonical = CartOptions.canonical(options);
            return Panache.withTransaction(() -> activeCart(userId).chain(cart -> CartItem.<CartItem>list(
                    "cartId = ?1 order by addedAt, id", cart.id).chain(items -> {
                        Amount price = Amount.fromProto(product.getEffectivePrice());
                        if (!items.isEmpty() && !items.get(0).currency.equals(price.currency())) {
                            throw new FailedPreconditionException("CURRENCY_MISMATCH",
                                    "the cart is priced in " + items.get(0).currency + ", the product in " + price.currency());
                        }
                        CartItem line = items.stream().filter(item -> item.productId.equals(productId)
                                && item.options.equals(canonical)).findFirst().orElse(null);
                        Instant now = now();
                        if (line != null) {
                            if (line.quantity + quantity > MAX_QUANTITY) {
                                throw new FailedPreconditionException("LINE_QUANTITY_LIMIT",
                                        "a line holds at most " + MAX_QUANTITY + " units; it has " + line.quantity);
                            }
                            line.quantity += quantity;
                            line.updatedAt = now;
                            return touch(cart, now).chain(() -> withItems(cart));
                        }
                        if (items.size() >= maxLines) {
                            throw new FailedPreconditionException("CART_LINE_LIMIT", "a cart holds at most " + maxLines + " lines");
                        }
                        CartItem item = new CartItem();
                        item.id = Ids.newId();
                        item.cartId = cart.id;
                        item.productId = productId;
                        item.sku = product.getSku();
                        item.name = product.getName();
                        item.imageUrl = product.getImagesCount() > 0 ? product.getImages(0).getUrl() : "";
                        item.options = canonical;
                        item.quantity = quantity;
                        item.unitPrice = price.value();
                        item.currency = price.currency();
                        item.addedAt = now;
                        item.updatedAt = now;
                        return item.persist().chain(() -> touch(cart, now)).chain(() -> withItems(cart));
                    })))
                    .chain(this::priced);
        });
    }

    /** Sets a line's quantity; 0 removes it. A line outside the caller's active cart is NOT_FOUND. */
    public Uni<CartView> update(UUID userId, UUID itemId, int quantity) {
        return Panache.withTransaction(() -> activeCart(userId).chain(cart -> ownedItem(cart, itemId).chain(item -> {
            Instant now = now();
            Uni<Void> change = quantity == 0 ? item.delete() : Uni.createFrom().voidItem().invoke(() -> {
                item.quantity = quantity;
                item.updatedAt = now;
            });
            return change.chain(() -> touch(cart, now)).chain(() -> withItems(cart));
        }))).chain(this::priced);
    }

    public Uni<CartView> remove(UUID userId, UUID itemId) {
        return update(userId, itemId, 0);
    }

    public Uni<CartView> clear(UUID userId) {
        return Panache.withTransaction(() -> activeCart(userId).chain(cart -> CartItem.delete("cartId", cart.id)
                .chain(() -> touch(cart, Instant.now())).chain(() -> withItems(cart))));
    }

    /**
     * OrderConfirmed: the paid order takes exactly the units it bought out of the lines they
     * came from — lines added or grown since stay — and a cart left empty is CONVERTED (the
     * next GetCart starts a new one). An order that never got paid never reaches here, so a
     * cancelled checkout leaves the cart as it was. Call inside a transaction.
     */
    public Uni<Void> takeBought(UUID cartId, UUID orderId, List<BoughtLine> lines) {
        Instant now = now();
        return Cart.<Cart>find("id", cartId).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult()
                .chain(cart -> cart == null ? Uni.createFrom().voidItem() : Multi.createFrom().iterable(lines)
                        .onItem().transformToUniAndConcatenate(line -> CartItem.delete(
                                        "id = ?1 and cartId = ?2 and quantity <= ?3", line.cartItemId(), cartId, line.quantity())
                                .chain(() -> CartItem.update("quantity = quantity - ?1, updatedAt = ?2 where id = ?3 and cartId = ?4",
                                        line.quantity(), now, line.cartItemId(), cartId)))
                        .collect().last()
                        .chain(() -> CartItem.count("cartId", cartId))
                        .chain(left -> {
                            if (left == 0) {
                                cart.convertTo(orderId, now);
                            } else {
                                cart.updatedAt = now;
                            }
                            return Panache.flush();
                        }));
    }

    /** Units a paid order bought from one cart line. */
    public record BoughtLine(UUID cartItemId, int quantity) {
    }

    @Scheduled(every = "10m", delayed = "1m")
    Uni<Void> abandonExpired() {
        return Panache.withTransaction(() -> Cart.update(
                        "status = ?2, updatedAt = ?1 where status = ?3 and expiresAt < ?1", Instant.now(),
                        CartState.ABANDONED, CartState.ACTIVE))
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("abandoned %d expired carts", count);
                    }
                })
                .replaceWithVoid();
    }

    /** The ACTIVE cart, locked; an expired one is abandoned on the spot (the job may not have run yet). */
    private Uni<Cart> activeCart(UUID userId) {
        Instant now = Instant.now();
        return Cart.update("status = ?3, updatedAt = ?1 where userId = ?2 and status = ?4 and expiresAt < ?1",
                        now, userId, CartState.ABANDONED, CartState.ACTIVE)
                // Insert-or-lock in one statement: a separate "insert, then select" could find no
                // ACTIVE cart when a concurrent transaction converted it in between. The conflict
                // target repeats the one-active-cart index's predicate (V1), as PostgreSQL requires.
                .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery("""
                                insert into cart (id, user_id, status, expires_at, created_at, updated_at)
                                values (:id, :user, :status, :expires, :now, :now)
                                on conflict (user_id) where status = 'ACTIVE' do update set updated_at = cart.updated_at
                                returning cast(id as text)""", String.class)
                        .setParameter("id", Ids.newId()).setParameter("user", userId)
                        .setParameter("status", CartState.ACTIVE.name())
                        .setParameter("expires", now.plus(ttl)).setParameter("now", now).getSingleResult())
                .chain(id -> Cart.<Cart>find("id", UUID.fromString(id))
                        .withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).firstResult());
    }

    // PostgreSQL keeps microseconds: a line's update time must read back exactly as it was
    // shown, since order-svc compares it to tell an ordered line state from a changed one.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Uni<CartItem> ownedItem(Cart cart, UUID itemId) {
        return CartItem.<CartItem>find("id = ?1 and cartId = ?2", itemId, cart.id).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("cart item", itemId));
    }

    private Uni<Void> touch(Cart cart, Instant now) {
        cart.updatedAt = now;
        cart.expiresAt = now.plus(ttl);
        return Panache.flush();
    }

    private Uni<CartView> withItems(Cart cart) {
        return CartItem.<CartItem>list("cartId = ?1 order by addedAt, id", cart.id)
                .map(items -> new CartView(cart, items, Map.of()));
    }

    /** Adds current catalog prices; without them (catalog down or slow) the cart is still shown. */
    private Uni<CartView> priced(CartView view) {
        return catalog.products(view.items().stream().map(item -> item.productId).toList())
                .onFailure().invoke(failure -> LOG.warnf("cart %s shown without current prices: %s", view.cart().id,
                        failure.getMessage()))
                .onFailure().recoverWithItem(Map.of())
                .map(current -> new CartView(view.cart(), view.items(), current));
    }
}
