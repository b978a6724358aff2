package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.cart.v1.Cart;
import org.commercemesh.cart.v1.CartItem;
import org.commercemesh.cart.v1.CartStatus;
import org.commercemesh.cart.v1.GetCartRequest;
import org.commercemesh.catalog.v1.BatchGetProductsRequest;
import org.commercemesh.catalog.v1.CommitReservationRequest;
import org.commercemesh.catalog.v1.CreateProductRequest;
import org.commercemesh.catalog.v1.GetStockRequest;
import org.commercemesh.catalog.v1.InventoryServiceGrpc;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.catalog.v1.ProductServiceGrpc;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.catalog.v1.ReleaseReservationRequest;
import org.commercemesh.catalog.v1.ReserveStockRequest;
import org.commercemesh.catalog.v1.SearchProductsRequest;
import org.commercemesh.catalog.v1.StockLevel;
import org.commercemesh.catalog.v1.StockLine;
import org.commercemesh.order.v1.GetOrderRequest;
import org.commercemesh.order.v1.ListOrdersRequest;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderItem;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.platform.events.DeadLetterRedrive;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.mail.Mailbox;
import org.commercemesh.testing.mail.SmtpServerResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.type.Money;

import io.grpc.Status;

/** Journeys across the four running services, through their public gRPC API. */
class PurchaseJourneyIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);
    private static Mesh mesh;

    @BeforeAll
    static void startTheMesh() {
        mesh = Mesh.get();
    }

    @Test
    void givenANewCustomer_whenTheyBuyFromTheDemoCatalog_thenTheOrderIsConfirmedTheCartConvertedStockCommittedAndMailed() {
        Shopper erin = Shopper.register(mesh);
        Product tent = erin.products().searchProducts(SearchProductsRequest.newBuilder().setQuery("camping tent")
                .setFilter(ProductFilter.newBuilder().setInStockOnly(true)).build()).getProducts(0);
        int stockBefore = stock(tent.getId()).getStockQuantity();
        String cartId = erin.cart()
                .addCartItem(AddCartItemRequest.newBuilder().setProductId(tent.getId()).setQuantity(1)
                        .build())
                .getCart().getId();

        Order order = erin.orders().placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPaymentToken("tok_visa").build()).getOrder();

        assertThat(order.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
        await().atMost(EVENTUALLY).until(
                () -> !erin.cart().getCart(GetCartRequest.getDefaultInstance()).getCart().getId().equals(cartId));
        assertThat(erin.cart().getCart(GetCartRequest.getDefaultInstance()).getCart().getStatus())
                .isEqualTo(CartStatus.CART_STATUS_ACTIVE);
        await().atMost(EVENTUALLY).until(() -> stock(tent.getId()).getStockQuantity() == stockBefore - 1
                && stock(tent.getId()).getReservedQuantity() == 0);
        await().atMost(EVENTUALLY).until(() -> Mailbox.to(erin.email).stream()
                .anyMatch(mail -> Mailbox.subject(mail).contains(order.getOrderNumber())));
    }

    @Test
    void givenADeclinedCard_thenTheOrderIsCancelledAndTheStockComesBack() {
        Shopper erin = Shopper.register(mesh);
        Product lamp = product(25);
        Cart before = erin.cart()
                .addCartItem(AddCartItemRequest.newBuilder().setProductId(lamp.getId()).setQuantity(3).build())
                .getCart();

        Throwable declined = catchThrowable(() -> erin.orders().placeOrder(PlaceOrderRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString()).setPaymentToken("tok_declined").build()));

        assertThat(GrpcErrors.reason(declined)).contains("PAYMENT_DECLINED");
        Order cancelled = erin.orders().listOrders(ListOrdersRequest.getDefaultInstance()).getOrders(0);
        assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELLED);
        await().atMost(EVENTUALLY).until(() -> stock(lamp.getId()).getAvailableQuantity() == 25);
        Cart kept = erin.cart().getCart(GetCartRequest.getDefaultInstance()).getCart();
        assertThat(kept.getId()).isEqualTo(before.getId());
        assertThat(kept.getItemsList()).extracting(CartItem::getId, CartItem::getQuantity)
                .containsExactly(tuple(before.getItems(0).getId(), 3));
    }

    @Test
    void givenAnItemAddedRightAfterPlaceOrder_thenOnlyTheBoughtLineLeavesTheCartAndTheNextOrderBuysTheNewOne() {
        Shopper erin = Shopper.register(mesh);
        Product kettle = product(5);
        Product teapot = product(5);
        erin.cart().addCartItem(AddCartItemRequest.newBuilder().setProductId(kettle.getId()).setQuantity(1).build());

        Order first = erin.orders().placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPaymentToken("tok_visa").build()).getOrder();
        erin.cart().addCartItem(AddCartItemRequest.newBuilder().setProductId(teapot.getId()).setQuantity(2).build());

        await().atMost(EVENTUALLY).until(() -> erin.cart().getCart(GetCartRequest.getDefaultInstance()).getCart()
                .getItemsList().stream().map(CartItem::getProductId).toList().equals(List.of(teapot.getId())));
        Order second = erin.orders()
                .placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                        .setPaymentToken("tok_visa").build())
                .getOrder();
        assertThat(first.getItemsList()).extracting(OrderItem::getProductId).containsExactly(kettle.getId());
        assertThat(second.getItemsList()).extracting(OrderItem::getProductId, OrderItem::getQuantity)
                .containsExactly(tuple(teapot.getId(), 2));
    }

    @Test
    void givenACustomersToken_whenCallingEveryInternalRpc_thenPermissionDeniedAndNothingIsHeld() {
        Shopper erin = Shopper.register(mesh);
        Product vase = product(4);
        String order = UUID.randomUUID().toString();

        List<Throwable> refusals = List.of(
                catchThrowable(() -> erin.inventory().reserveStock(ReserveStockRequest.newBuilder().setOrderId(order)
                        .addLines(StockLine.newBuilder().setProductId(vase.getId()).setQuantity(4)).build())),
                catchThrowable(() -> erin.inventory()
                        .commitReservation(CommitReservationRequest.newBuilder().setOrderId(order).build())),
                catchThrowable(() -> erin.inventory()
                        .releaseReservation(ReleaseReservationRequest.newBuilder().setOrderId(order).build())),
                catchThrowable(() -> erin.inventory()
                        .getStock(GetStockRequest.newBuilder().addProductIds(vase.getId()).build())),
                catchThrowable(() -> erin.products().batchGetProducts(BatchGetProductsRequest.newBuilder()
                        .addProductIds(vase.getId()).build())));

        assertThat(refusals)
                .allSatisfy(failure -> assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.PERMISSION_DENIED));
        assertThat(stock(vase.getId()).getAvailableQuantity()).isEqualTo(4);
    }

    @Test
    void givenTheSameRequestIdTwice_thenOneOrderAndOnePayment() throws Exception {
        Shopper erin = Shopper.register(mesh);
        Product mug = product(10);
        erin.cart().addCartItem(AddCartItemRequest.newBuilder().setProductId(mug.getId()).setQuantity(1).build());
        PlaceOrderRequest request = PlaceOrderRequest.newBuilder().setRequestId("retry-" + UUID.randomUUID())
                .setPaymentToken("tok_visa").build();

        Order first = erin.orders().placeOrder(request).getOrder();
        Order second = erin.orders().placeOrder(request).getOrder();

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(erin.orders().listOrders(ListOrdersRequest.getDefaultInstance()).getOrdersList()).hasSize(1);
        try (Connection orders = mesh.database("order-svc");
                PreparedStatement query = orders.prepareStatement(
                        "select count(*) from payment where order_id = ?::uuid and kind = 'CHARGE' and status = 'SUCCEEDED'")) {
            query.setString(1, first.getId());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void givenFiftyBuyersForTenUnits_thenExactlyTenOrdersAreConfirmedAndStockEndsAtZero() throws Exception {
        Product limited = product(10);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Shopper> buyers = new ArrayList<>();
        for (CompletableFuture<Shopper> future : java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    Shopper buyer = Shopper.register(mesh);
                    buyer.cart().addCartItem(
                            AddCartItemRequest.newBuilder().setProductId(limited.getId()).setQuantity(1).build());
                    return buyer;
                }, pool)).toList()) {
            buyers.add(future.join());
        }

        List<CompletableFuture<Status.Code>> placed = buyers.stream().map(buyer -> CompletableFuture.supplyAsync(() -> {
            try {
                Order order = buyer.orders().placeOrder(PlaceOrderRequest.newBuilder()
                        .setRequestId(UUID.randomUUID().toString()).setPaymentToken("tok_visa").build()).getOrder();
                return order.getStatus() == OrderStatus.ORDER_STATUS_CONFIRMED ? Status.Code.OK : Status.Code.UNKNOWN;
            } catch (RuntimeException failure) {
                return GrpcErrors.reason(failure).filter("OUT_OF_STOCK"::equals).isPresent()
                        ? Status.Code.FAILED_PRECONDITION
                        : GrpcErrors.code(failure);
            }
        }, pool)).toList();
        List<Status.Code> outcomes = placed.stream().map(CompletableFuture::join).toList();
        pool.shutdown();

        assertThat(outcomes).filteredOn(Status.Code.OK::equals).hasSize(10);
        assertThat(outcomes).filteredOn(Status.Code.FAILED_PRECONDITION::equals).hasSize(40);
        await().atMost(EVENTUALLY).until(() -> stock(limited.getId()).getStockQuantity() == 0
                && stock(limited.getId()).getReservedQuantity() == 0);
    }

    @Test
    void givenAnotherCustomersOrder_whenRead_thenNotFound() {
        Shopper erin = Shopper.register(mesh);
        Shopper finn = Shopper.register(mesh);
        Product pen = product(10);
        erin.cart().addCartItem(AddCartItemRequest.newBuilder().setProductId(pen.getId()).setQuantity(1).build());
        Order order = erin.orders().placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPaymentToken("tok_visa").build()).getOrder();

        Throwable failure = catchThrowable(() -> finn.orders().getOrder(GetOrderRequest.newBuilder()
                .setOrderId(order.getId()).build()));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void givenSmtpDownWhenAnOrderIsConfirmed_thenTheMailIsDeadLetteredAndReDrivenToTheBuyerOnceSmtpIsBack() {
        Shopper erin = Shopper.register(mesh);
        Product clock = product(5);
        erin.cart().addCartItem(AddCartItemRequest.newBuilder().setProductId(clock.getId()).setQuantity(1).build());
        DeadLetterRedrive redrive = new DeadLetterRedrive(mesh.kafkaBootstrapServers());
        Order order;

        SmtpServerResource.pause();
        try {
            order = erin.orders().placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                    .setPaymentToken("tok_visa").build()).getOrder();
            String orderId = order.getId();
            await().atMost(EVENTUALLY).until(() -> redrive.pending("user-svc.order-events.dlq").stream()
                    .anyMatch(letter -> "commerce.order.v1.OrderConfirmed".equals(letter.type())
                            && orderId.equals(letter.subject())));
        } finally {
            SmtpServerResource.resume();
        }
        String number = order.getOrderNumber();
        assertThat(Mailbox.to(erin.email)).noneMatch(mail -> Mailbox.subject(mail).contains(number));

        assertThat(redrive.redrive("user-svc.order-events.dlq")).isPositive();

        await().atMost(EVENTUALLY).until(() -> Mailbox.to(erin.email).stream()
                .anyMatch(mail -> Mailbox.subject(mail).contains(number)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> Mailbox.to(erin.email).stream()
                        .filter(mail -> Mailbox.subject(mail).contains(number)).count() == 1);
    }

    /** A fresh ACTIVE product with {@code stock} units, created by an admin. */
    private static Product product(int stock) {
        return Shopper.withToken(ProductServiceGrpc.newBlockingStub(mesh.channel("catalog-svc")),
                TestTokens.admin(UUID.randomUUID())).createProduct(
                        CreateProductRequest.newBuilder()
                                .setProduct(Product.newBuilder().setSku("E2E-" + UUID.randomUUID())
                                        .setName("E2E item " + UUID.randomUUID())
                                        .setStatus(ProductStatus.PRODUCT_STATUS_ACTIVE)
                                        .setPrice(Money.newBuilder().setCurrencyCode("THB").setUnits(250))
                                        .setManageStock(true).setStockQuantity(stock))
                                .build())
                .getProduct();
    }

    /** Stock as the mesh's services read it: GetStock is internal, so with a service's own token. */
    private static StockLevel stock(String productId) {
        return Shopper
                .withToken(InventoryServiceGrpc.newBlockingStub(mesh.channel("catalog-svc")),
                        mesh.serviceToken("order-svc"))
                .getStock(GetStockRequest.newBuilder().addProductIds(productId).build()).getLevels(0);
    }
}
