package org.commercemesh.bench.scenario;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.commercemesh.bench.Calls;
import org.commercemesh.bench.Mesh;
import org.commercemesh.bench.Mesh.Service;
import org.commercemesh.bench.Scenario;
import org.commercemesh.bench.SqlReplay;
import org.commercemesh.bench.scenario.Buyers.Buyer;
import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.cart.v1.CartServiceGrpc;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderServiceGrpc;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;

/**
 * Many buyers check out: each call puts one of 100 products in a buyer's cart and places the
 * order (sandbox card tok_visa), as PlaceOrder answers it — CONFIRMED, or the call counts as an
 * error. A buyer makes one checkout at a time. Twice as many buyers sign in as calls are in
 * flight: a buyer whose checkout failed may have left an order PENDING, which keeps their cart
 * from checking out again until order-svc's sweeper settles it, so that buyer sits out while a
 * spare one buys, instead of failing every call that follows.
 */
public class Checkout implements Scenario {

    private final Mesh mesh;
    private final int buyerCount;
    /** order-svc settles a PENDING order after two minutes, its sweeper runs every minute. */
    private static final Duration SIT_OUT = Duration.ofMinutes(3);

    private final ConcurrentLinkedQueue<Buyer> idle = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SittingOut> sittingOut = new ConcurrentLinkedQueue<>();
    private List<String> productIds;

    public Checkout(Mesh mesh, int buyerCount) {
        this.mesh = mesh;
        this.buyerCount = buyerCount;
    }

    @Override
    public String name() {
        return "checkout";
    }

    /** Buyers signed in, and 100 products stocked so that no run sells out. */
    @Override
    public void prepare() throws Exception {
        productIds = Catalog.products(mesh, 100).stream().map(Product::getId).toList();
        try (Connection catalog = mesh.connect(Service.CATALOG);
                PreparedStatement stock = catalog.prepareStatement(
                        "update product set manage_stock = true, stock_quantity = 1000000 where id = any(?)")) {
            stock.setArray(1, catalog.createArrayOf("uuid", productIds.stream().map(UUID::fromString).toArray()));
            stock.executeUpdate();
        }
        idle.addAll(Buyers.signIn(mesh, 2 * buyerCount));
    }

    @Override
    public CompletableFuture<?> call() {
        return withBuyer(this::checkout);
    }

    /** Runs {@code work} as an idle buyer, who is idle again once it ends. */
    protected <T> CompletableFuture<T> withBuyer(Function<Buyer, CompletableFuture<T>> work) {
        SittingOut rested = sittingOut.peek();
        if (rested != null && rested.until().isBefore(Instant.now()) && sittingOut.remove(rested)) {
            idle.add(rested.buyer());
        }
        Buyer buyer = idle.poll();
        if (buyer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("every buyer is sitting out a failure"));
        }
        return work.apply(buyer).whenComplete((result, failure) -> {
            if (failure == null) {
                idle.add(buyer);
            } else {
                sittingOut.add(new SittingOut(buyer, Instant.now().plus(SIT_OUT)));
            }
        });
    }

    private record SittingOut(Buyer buyer, Instant until) {
    }

    /** AddCartItem, then PlaceOrder; fails unless the order comes back CONFIRMED. */
    protected CompletableFuture<Order> checkout(Buyer buyer) {
        String productId = productIds.get(ThreadLocalRandom.current().nextInt(productIds.size()));
        CartServiceGrpc.CartServiceFutureStub cart = Calls.as(CartServiceGrpc.newFutureStub(mesh.channel(Service.CART)),
                buyer.accessToken());
        OrderServiceGrpc.OrderServiceFutureStub orders = Calls.as(
                OrderServiceGrpc.newFutureStub(mesh.channel(Service.ORDER)), buyer.accessToken());
        return Calls
                .of(cart.addCartItem(AddCartItemRequest.newBuilder().setProductId(productId).setQuantity(1).build()))
                .thenCompose(added -> Calls.of(orders.placeOrder(PlaceOrderRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString()).setPaymentToken("tok_visa").build())))
                .thenApply(placed -> {
                    if (placed.getOrder().getStatus() != OrderStatus.ORDER_STATUS_CONFIRMED) {
                        throw new IllegalStateException("order " + placed.getOrder().getOrderNumber() + " is "
                                + placed.getOrder().getStatus());
                    }
                    return placed.getOrder();
                });
    }

    protected Mesh mesh() {
        return mesh;
    }

    /** pgbench's own TPC-B-like transaction: the mesh's checkout spans three databases. */
    @Override
    public Optional<SqlReplay> sqlReplay() {
        return Optional.of(new SqlReplay(SqlReplay.TPCB_LIKE, Service.ORDER, Map.of()));
    }
}
