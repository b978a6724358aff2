package org.commercemesh.cart.shopping;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.cart.catalog.CatalogClient;
import org.commercemesh.cart.coupon.CouponPricing;
import org.commercemesh.cart.coupon.CouponPricing.Outcome;
import org.commercemesh.cart.coupon.CouponService;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.money.Amount;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Carts. Catalog checks happen before any transaction opens and current prices are asked after
 * it commits, so a slow or absent catalog never holds a connection or leaves the cart half
 * changed; that is why these use cases open their transactions themselves rather than by
 * annotation. Every change slides the expiry forward.
 */
@ApplicationScoped
public class CartService {

    private static final Logger LOG = Logger.getLogger(CartService.class);
    static final int MAX_QUANTITY = 99;

    private final CartRepository carts;
    private final CartLineRepository lines;
    private final CatalogClient catalog;
    private final Duration ttl;
    private final int maxLines;
    private final CouponService coupons;

    public CartService(CartRepository carts, CartLineRepository lines, CatalogClient catalog,
            @ConfigProperty(name = "commerce.cart.ttl") Duration ttl,
            @ConfigProperty(name = "commerce.cart.max-lines") int maxLines, CouponService coupons) {
        this.coupons = coupons;
        this.carts = carts;
        this.lines = lines;
        this.catalog = catalog;
        this.ttl = ttl;
        this.maxLines = maxLines;
    }

    /** The caller's ACTIVE cart (an expired one is abandoned and a fresh one started). */
    public Uni<PricedCart> get(UUID userId) {
        return Panache.withTransaction(() -> carts.lockActive(userId, ttl).chain(this::withLines))
                .chain(this::priced);
    }

    public Uni<PricedCart> add(UUID userId, UUID productId, int quantity, Map<String, String> options) {
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
            return Panache.withTransaction(() -> carts.lockActive(userId, ttl)
                    .chain(cart -> lines.linesOf(cart.id)
                            .chain(existing -> addTo(cart, existing, productId, product, quantity, canonical))))
                    .chain(this::priced);
        });
    }

    /** Sets a line's quantity; 0 removes it. A line outside the caller's active cart is NOT_FOUND. */
    public Uni<PricedCart> update(UUID userId, UUID lineId, int quantity) {
        return Panache.withTransaction(() -> carts.lockActive(userId, ttl)
                .chain(cart -> lines.getIn(cart.id, lineId).chain(line -> {
                    Instant now = now();
                    Uni<Void> change = quantity == 0 ? lines.delete(line) : Uni.createFrom().voidItem().invoke(() -> {
                        line.quantity = quantity;
                        line.updatedAt = now;
                    });
                    return change.chain(() -> touch(cart, now)).chain(() -> withLines(cart));
                }))).chain(this::priced);
    }

    public Uni<PricedCart> remove(UUID userId, UUID lineId) {
        return update(userId, lineId, 0);
    }

    public Uni<PricedCart> clear(UUID userId) {
        return Panache.withTransaction(() -> carts.lockActive(userId, ttl).chain(cart -> lines.deleteAllIn(cart.id)
                .chain(() -> touch(cart, Instant.now())).chain(() -> withLines(cart))));
    }

    /**
     * OrderConfirmed: the paid order takes exactly the units it bought out of the lines they
     * came from — lines added or grown since stay — and a cart left empty is CONVERTED (the
     * next GetCart starts a new one). An order that never got paid never reaches here, so a
     * cancelled checkout leaves the cart as it was. Joins the caller's transaction.
     */
    @WithTransaction
    public Uni<Void> takeBought(UUID cartId, UUID orderId, List<BoughtLine> bought) {
        Instant now = now();
        return carts.lock(cartId)
                .chain(cart -> cart == null
                        ? Uni.createFrom().voidItem()
                        : Multi.createFrom().iterable(bought)
                                .onItem()
                                .transformToUniAndConcatenate(
                                        line -> lines.takeOut(cartId, line.cartItemId(), line.quantity(), now))
                                .collect().last()
                                .chain(() -> lines.countIn(cartId))
                                .chain(left -> {
                                    // The coupon went with the order that used it.
                                    cart.couponCode = null;
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
    @WithTransaction
    Uni<Void> abandonExpired() {
        return carts.abandonExpired(Instant.now())
                .invoke(count -> {
                    if (count > 0) {
                        LOG.infof("abandoned %d expired carts", count);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<PricedCart> addTo(ShoppingCart cart, List<CartLine> existing, UUID productId, Product product,
            int quantity,
            String options) {
        Amount price = Amount.fromProto(product.getEffectivePrice());
        if (!existing.isEmpty() && !existing.get(0).currency.equals(price.currency())) {
            throw new FailedPreconditionException("CURRENCY_MISMATCH",
                    "the cart is priced in " + existing.get(0).currency + ", the product in " + price.currency());
        }
        CartLine same = existing.stream().filter(line -> line.productId.equals(productId)
                && line.options.equals(options)).findFirst().orElse(null);
        Instant now = now();
        if (same != null) {
            if (same.quantity + quantity > MAX_QUANTITY) {
                throw new FailedPreconditionException("LINE_QUANTITY_LIMIT",
                        "a line holds at most " + MAX_QUANTITY + " units; it has " + same.quantity);
            }
            same.quantity += quantity;
            same.updatedAt = now;
            return touch(cart, now).chain(() -> withLines(cart));
        }
        if (existing.size() >= maxLines) {
            throw new FailedPreconditionException("CART_LINE_LIMIT", "a cart holds at most " + maxLines + " lines");
        }
        CartLine line = new CartLine();
        line.id = Ids.newId();
        line.cartId = cart.id;
        line.productId = productId;
        line.sku = product.getSku();
        line.name = product.getName();
        line.imageUrl = product.getImagesCount() > 0 ? product.getImages(0).getUrl() : "";
        line.options = options;
        line.quantity = quantity;
        line.unitPrice = price.value();
        line.currency = price.currency();
        line.addedAt = now;
        line.updatedAt = now;
        return lines.persist(line).chain(() -> touch(cart, now)).chain(() -> withLines(cart));
    }

    // PostgreSQL keeps microseconds: a line's update time must read back exactly as it was
    // shown, since order-svc compares it to tell an ordered line state from a changed one.
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private Uni<Void> touch(ShoppingCart cart, Instant now) {
        cart.updatedAt = now;
        cart.expiresAt = now.plus(ttl);
        return Panache.flush();
    }

    private Uni<PricedCart> withLines(ShoppingCart cart) {
        return lines.linesOf(cart.id).map(found -> new PricedCart(cart, found, Map.of(), null));
    }

    /** Adds current catalog prices; without them (catalog down or slow) the cart is still shown. */
    private Uni<PricedCart> priced(PricedCart cart) {
        return catalog.products(cart.lines().stream().map(line -> line.productId).toList())
                .onFailure().invoke(failure -> LOG.warnf("cart %s shown without current prices: %s", cart.cart().id,
                        failure.getMessage()))
                .onFailure().recoverWithItem(Map.of())
                .map(current -> new PricedCart(cart.cart(), cart.lines(), current, null))
                .chain(this::withCoupon);
    }

    private Uni<PricedCart> withCoupon(PricedCart cart) {
        String code = cart.cart().couponCode;
        if (code == null) {
            return Uni.createFrom().item(cart);
        }
        return coupons.worth(code, cart.couponLines()).map(outcome -> new PricedCart(cart.cart(), cart.lines(),
                cart.current(), outcome != null
                        ? outcome
                        : new Outcome(Amount.zero(CartMapper.currencyOf(cart)), CouponPricing.INACTIVE)));
    }

    /** ApplyCoupon: an unknown or inactive code is NOT_FOUND; what it is worth shows on the cart. */
    public Uni<PricedCart> applyCoupon(UUID userId, String code) {
        return coupons.usable(code).chain(coupon -> Panache.withTransaction(() -> carts.lockActive(userId, ttl)
                .invoke(cart -> {
                    cart.couponCode = coupon.code;
                    cart.updatedAt = now();
                }).chain(this::withLines))).chain(this::priced);
    }

    public Uni<PricedCart> removeCoupon(UUID userId) {
        return Panache.withTransaction(() -> carts.lockActive(userId, ttl).invoke(cart -> {
            cart.couponCode = null;
            cart.updatedAt = now();
        }).chain(this::withLines)).chain(this::priced);
    }
}
