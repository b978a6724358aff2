package org.commercemesh.order.checkout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.cart.v1.Cart;
import org.commercemesh.cart.v1.CartItem;
import org.commercemesh.cart.v1.RedeemLine;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.order.lifecycle.CustomerOrder;
import org.commercemesh.order.lifecycle.OrderEvents;
import org.commercemesh.order.lifecycle.OrderLine;
import org.commercemesh.order.lifecycle.OrderMetrics;
import org.commercemesh.order.lifecycle.OrderRepository;
import org.commercemesh.order.lifecycle.OrderWithLines;
import org.commercemesh.order.mesh.MeshClients;
import org.commercemesh.order.shipping.Destinations;
import org.commercemesh.order.shipping.ShippingQuote;
import org.commercemesh.order.shipping.ShippingService;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.platform.auth.AuthenticatedCaller;
import org.commercemesh.platform.error.ErrorMapper;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.user.v1.Address;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PlaceOrder (design §8): idempotent per (buyer, request_id); the cart and addresses are read
 * with the buyer's token, current prices with order-svc's own; lines a live order already holds
 * are left out, and one checkout of a cart runs at a time; the order, its lines (with their
 * options and the cart line they came from) and OrderPlaced are written in one transaction;
 * then {@link Settlement} authorizes, reserves and captures.
 */
@ApplicationScoped
public class CheckoutService {

    private final OrderRepository orders;
    private final MeshClients mesh;
    private final Pricing pricing;
    private final Settlement settlement;
    private final OutboxWriter outbox;
    private final OrderMetrics metrics;
    private final ShippingService shipping;

    public CheckoutService(OrderRepository orders, MeshClients mesh, Pricing pricing, Settlement settlement,
            OutboxWriter outbox, OrderMetrics metrics, ShippingService shipping) {
        this.shipping = shipping;
        this.orders = orders;
        this.mesh = mesh;
        this.pricing = pricing;
        this.settlement = settlement;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    public Uni<OrderWithLines> place(AuthenticatedCaller buyer, PlaceOrderRequest request) {
        return metrics.checkout(() -> existing(buyer.userId(), request.getRequestId()).chain(found -> found != null
                ? Uni.createFrom().item(found)
                : draft(buyer, request).chain(draft -> create(draft, buyer.userId(), request.getRequestId())
                        // Only the request that wrote the order settles it; a twin answers with it as it stands.
                        .chain(view -> view.order() == draft.order()
                                ? settled(view, request.getPaymentToken())
                                : Uni.createFrom().item(view)))))
                .invoke(CheckoutService::refuseWhenCancelledAtCheckout);
    }

    private Uni<OrderWithLines> settled(OrderWithLines placed, String paymentToken) {
        metrics.placed();
        return settlement.settle(placed, paymentToken).invoke(metrics::settled);
    }

    /** A checkout that ended CANCELLED answers with why, every time it is asked again too. */
    private static void refuseWhenCancelledAtCheckout(OrderWithLines view) {
        String reason = view.order().cancelReason;
        if (view.order().isCancelled()
                && (reason.equals(Settlement.OUT_OF_STOCK) || reason.equals(Settlement.PAYMENT_DECLINED))) {
            throw new FailedPreconditionException(reason, reason.equals(Settlement.OUT_OF_STOCK)
                    ? "not enough stock for this order; it was cancelled"
                    : "the payment was declined; the order was cancelled",
                    Map.of("order_id", view.order().id.toString(), "order_number", view.order().orderNumber));
        }
    }

    private record Draft(CustomerOrder order, List<OrderLine> items) {
    }

    /** A cart line at the catalog's current price. */
    private record PricedLine(CartItem line, Product product, Amount unitPrice, Amount lineTotal) {
    }

    /** The lines to order and what they come to. */
    private record Priced(List<PricedLine> lines, Amount subtotal) {
    }

    private Uni<Draft> draft(AuthenticatedCaller buyer, PlaceOrderRequest request) {
        String token = buyer.accessToken();
        return mesh.cart(token).chain(cart -> {
            if (cart.getItemsCount() == 0) {
                throw new FailedPreconditionException("EMPTY_CART", "the cart is empty");
            }
            return notYetOrdered(cart).chain(lines -> mesh.products(lines.stream()
                    .map(item -> UUID.fromString(item.getProductId())).toList())
                    .map(products -> priced(lines, products))
                    .chain(priced -> addresses(request, token).chain(addresses -> rate(buyer, request,
                            addresses.get(0)).chain(rate -> {
                                UUID orderId = Ids.newId();
                                return coupon(orderId, buyer, cart, priced)
                                        .map(discount -> build(orderId, buyer, request, cart, priced,
                                                addresses.get(0), addresses.get(1), rate, discount));
                            }))));
        });
    }

    /**
     * The cart's lines that no live order of this cart has bought in their current state. A
     * paid order's lines leave the cart only when cart-svc handles OrderConfirmed; until then
     * they are still shown, and must not be bought a second time.
     */
    private Uni<List<CartItem>> notYetOrdered(Cart cart) {
        UUID cartId = UUID.fromString(cart.getId());
        return Panache.withSession(() -> orders.liveOfCart(cartId)
                .chain(live -> {
                    if (live.stream().anyMatch(CustomerOrder::isPending)) {
                        throw checkoutInProgress(cartId);
                    }
                    return orders.withLines(live);
                }))
                .map(live -> {
                    Set<String> taken = live.stream().flatMap(view -> view.lines().stream())
                            .filter(item -> item.cartItemId != null)
                            .map(item -> item.cartItemId + "@" + item.cartItemUpdatedAt).collect(Collectors.toSet());
                    List<CartItem> open = cart.getItemsList().stream()
                            .filter(line -> !taken
                                    .contains(line.getId() + "@" + ProtoTime.fromProto(line.getUpdateTime())))
                            .toList();
                    if (open.isEmpty()) {
                        throw new FailedPreconditionException("CART_ALREADY_ORDERED",
                                "everything in the cart is already in a paid order; it leaves the cart shortly");
                    }
                    return open;
                });
    }

    private static FailedPreconditionException checkoutInProgress(UUID cartId) {
        return new FailedPreconditionException("CHECKOUT_IN_PROGRESS",
                "another checkout of this cart is still being paid; wait for it or cancel it",
                Map.of("cart_id", cartId.toString()));
    }

    /**
     * The cart's coupon redeemed for the order about to be written, or null without one. A twin
     * checkout that loses the race leaves its redemption unconfirmed; cart-svc gives that use back.
     */
    private Uni<Amount> coupon(UUID orderId, AuthenticatedCaller buyer, Cart cart, Priced priced) {
        if (cart.getCouponCode().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        List<RedeemLine> lines = priced.lines().stream()
                .map(line -> RedeemLine.newBuilder().setProductId(line.product().getId())
                        .setLineTotal(line.lineTotal().toProto()).build())
                .toList();
        return mesh.redeemCoupon(orderId, buyer.userId(), cart.getCouponCode(), lines).map(Amount::fromProto);
    }

    /**
     * Prices the lines from the catalog before anything is held for the order: a product no
     * longer on sale, a cart in two currencies or an order too large to store fails here, before
     * a coupon is redeemed or stock reserved.
     */
    private static Priced priced(List<CartItem> lines, Map<UUID, Product> products) {
        List<String> unavailable = new ArrayList<>();
        for (CartItem line : lines) {
            Product product = products.get(UUID.fromString(line.getProductId()));
            if (product == null || product.getStatus() != ProductStatus.PRODUCT_STATUS_ACTIVE) {
                unavailable.add(line.getProductId());
            }
        }
        if (!unavailable.isEmpty()) {
            throw new FailedPreconditionException("PRODUCT_UNAVAILABLE", "no longer on sale: " + unavailable,
                    Map.of("product_ids", String.join(",", unavailable)));
        }
        List<PricedLine> priced = new ArrayList<>();
        Amount subtotal = null;
        for (CartItem line : lines) {
            Product product = products.get(UUID.fromString(line.getProductId()));
            Amount unit = Amount.fromProto(product.getEffectivePrice());
            Amount lineTotal = unit.times(line.getQuantity());
            priced.add(new PricedLine(line, product, unit, lineTotal));
            subtotal = added(subtotal, lineTotal);
        }
        Pricing.requireStorable(subtotal);
        return new Priced(priced, subtotal);
    }

    private static Amount added(Amount subtotal, Amount lineTotal) {
        if (subtotal == null) {
            return lineTotal;
        }
        if (!subtotal.currency().equals(lineTotal.currency())) {
            throw new FailedPreconditionException("CURRENCY_MISMATCH", "the cart mixes currencies");
        }
        return subtotal.plus(lineTotal);
    }

    /** The shipping rate the buyer chose, or null for the shop's flat fee. */
    private Uni<ShippingQuote> rate(AuthenticatedCaller buyer, PlaceOrderRequest request, Address shipTo) {
        return request.getShippingRateId().isEmpty()
                ? Uni.createFrom().nullItem()
                : shipping.accepted(buyer.userId(), request.getShippingRateId(), UUID.fromString(shipTo.getId()));
    }

    private Uni<List<Address>> addresses(PlaceOrderRequest request, String token) {
        Uni<Address> shipping = request.getShippingAddressId().isEmpty()
                ? mesh.defaultAddress(token)
                : mesh.address(UUID.fromString(request.getShippingAddressId()), token);
        return shipping.chain(ship -> {
            if (ship == null) {
                throw new FailedPreconditionException("NO_SHIPPING_ADDRESS", "add an address or name one to ship to");
            }
            Uni<Address> billing = request.getBillingAddressId().isEmpty()
                    ? Uni.createFrom().item(ship)
                    : mesh.address(UUID.fromString(request.getBillingAddressId()), token);
            return billing.map(bill -> List.of(ship, bill));
        });
    }

    private Draft build(UUID orderId, AuthenticatedCaller buyer, PlaceOrderRequest request, Cart cart,
            Priced priced, Address shipping, Address billing, ShippingQuote rate, Amount discount) {
        CustomerOrder order = new CustomerOrder();
        order.id = orderId;
        List<OrderLine> items = new ArrayList<>();
        for (PricedLine line : priced.lines()) {
            OrderLine item = new OrderLine();
            item.id = Ids.newId();
            item.orderId = order.id;
            item.productId = UUID.fromString(line.product().getId());
            item.sku = line.product().getSku();
            item.name = line.product().getName();
            item.quantity = line.line().getQuantity();
            item.unitPrice = line.unitPrice().value();
            item.lineTotal = line.lineTotal().value();
            item.storeOptions(line.line().getOptionsMap());
            item.cartItemId = UUID.fromString(line.line().getId());
            item.cartItemUpdatedAt = ProtoTime.fromProto(line.line().getUpdateTime());
            items.add(item);
        }
        Amount subtotal = priced.subtotal();
        Amount quoted = rate == null ? null : new Amount(rate.amount, rate.currency);
        if (quoted != null && !quoted.currency().equals(subtotal.currency())) {
            throw InvalidArgumentException.of("shipping_rate_id", "is in " + quoted.currency()
                    + ", the cart in " + subtotal.currency());
        }
        Pricing.Totals totals = pricing.totals(subtotal, quoted, discount);
        Instant now = Instant.now();
        order.userId = buyer.userId();
        order.cartId = UUID.fromString(cart.getId());
        order.open(now);
        order.currency = subtotal.currency();
        order.subtotal = totals.subtotal().value();
        order.discount = totals.discount().value();
        order.tax = totals.tax().value();
        order.shipping = totals.shipping().value();
        order.total = totals.total().value();
        order.shippingAddress = Destinations.json(Destinations.of(shipping));
        order.billingAddress = Destinations.json(Destinations.of(billing));
        order.notes = request.getNotes().strip();
        order.couponCode = discount == null ? "" : cart.getCouponCode();
        if (rate != null) {
            order.shippingQuoteId = rate.id;
            order.shippingCarrier = rate.carrier;
            order.shippingService = rate.service;
        }
        return new Draft(order, items);
    }

    /**
     * Writes the order, its lines and OrderPlaced at once. A concurrent twin with the same key
     * yields the winner; another checkout of the same cart still PENDING refuses this one.
     */
    private Uni<OrderWithLines> create(Draft draft, UUID userId, String requestId) {
        return Panache.withTransaction(() -> orders.nextOrderNumber()
                .chain(number -> {
                    draft.order().orderNumber = number;
                    draft.order().requestId = requestId;
                    return orders.persistWithLines(new OrderWithLines(draft.order(), draft.items()));
                })
                .call(full -> outbox.append(full.order().id.toString(), OrderEvents.placed(full))))
                .onFailure(ErrorMapper::isUniqueViolation).recoverWithUni(() -> existing(userId, requestId)
                        .onItem().ifNull().failWith(() -> checkoutInProgress(draft.order().cartId)));
    }

    private Uni<OrderWithLines> existing(UUID userId, String requestId) {
        return Panache.withSession(() -> orders.placedWith(userId, requestId));
    }
}
