package org.commercemesh.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.catalog.TestCatalog.WAIT;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.commercemesh.catalog.TestCatalog;
import org.commercemesh.catalog.v1.AdjustStockRequest;
import org.commercemesh.catalog.v1.CommitReservationRequest;
import org.commercemesh.catalog.v1.GetStockRequest;
import org.commercemesh.catalog.v1.InventoryService;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductService;
import org.commercemesh.catalog.v1.ReleaseReservationRequest;
import org.commercemesh.catalog.v1.ReservationStatus;
import org.commercemesh.catalog.v1.ReserveStockRequest;
import org.commercemesh.catalog.v1.StockLevel;
import org.commercemesh.catalog.v1.StockLine;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class InventoryTest {

    @GrpcClient("catalog")
    ProductService products;

    @GrpcClient("catalog")
    InventoryService inventory;

    @Test
    void givenTenAvailable_whenAHundredOrdersReserveOneEachAtOnce_thenExactlyTenSucceed() throws Exception {
        Product product = TestCatalog.create(products, TestCatalog.product("Limited Edition Vinyl", 990, 10));
        InventoryService asOrderSvc = TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN);
        AtomicInteger reserved = new AtomicInteger();
        AtomicInteger outOfStock = new AtomicInteger();
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            calls.add(CompletableFuture.runAsync(() -> {
                try {
                    asOrderSvc.reserveStock(reserve(Ids.newId(), product.getId(), 1)).await()
                            .atMost(WAIT.multipliedBy(4));
                    reserved.incrementAndGet();
                } catch (RuntimeException failure) {
                    if (GrpcErrors.reason(failure).filter("OUT_OF_STOCK"::equals).isPresent()) {
                        outOfStock.incrementAndGet();
                    } else {
                        unexpected.add(failure);
                    }
                }
            }, pool));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();

        assertThat(unexpected).isEmpty();
        assertThat(reserved).hasValue(10);
        assertThat(outOfStock).hasValue(90);
        StockLevel level = stock(product.getId());
        assertThat(level.getReservedQuantity()).isEqualTo(10);
        assertThat(level.getAvailableQuantity()).isZero();
        assertThat(level.getInStock()).isFalse();
    }

    @Test
    void givenTheSameOrderReservingTwice_thenOneReservationHoldsStock() {
        Product product = TestCatalog.create(products, TestCatalog.product("Desk Lamp", 790, 5));
        InventoryService asOrderSvc = TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN);
        UUID order = Ids.newId();

        asOrderSvc.reserveStock(reserve(order, product.getId(), 2)).await().atMost(WAIT);
        var again = asOrderSvc.reserveStock(reserve(order, product.getId(), 2)).await().atMost(WAIT).getReservation();

        assertThat(again.getStatus()).isEqualTo(ReservationStatus.RESERVATION_STATUS_ACTIVE);
        assertThat(stock(product.getId()).getReservedQuantity()).isEqualTo(2);
    }

    @Test
    void givenOneShortLine_whenReserving_thenNothingIsReserved() {
        Product plenty = TestCatalog.create(products, TestCatalog.product("Notebook", 90, 50));
        Product scarce = TestCatalog.create(products, TestCatalog.product("Fountain Pen", 1990, 1));
        InventoryService asOrderSvc = TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN);

        Throwable failure = catchThrowable(() -> asOrderSvc.reserveStock(ReserveStockRequest.newBuilder()
                .setOrderId(Ids.newId().toString())
                .addLines(StockLine.newBuilder().setProductId(plenty.getId()).setQuantity(3))
                .addLines(StockLine.newBuilder().setProductId(scarce.getId()).setQuantity(2))
                .build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.reason(failure)).contains("OUT_OF_STOCK");
        assertThat(stock(plenty.getId()).getReservedQuantity()).isZero();
    }

    @Test
    void givenAnExpiredReservation_thenItsStockIsAvailableAgainWithoutAnyJob() throws Throwable {
        Product product = TestCatalog.create(products, TestCatalog.product("Concert Ticket", 1500, 2));
        InventoryService asOrderSvc = TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN);
        UUID order = Ids.newId();
        asOrderSvc.reserveStock(reserve(order, product.getId(), 2)).await().atMost(WAIT);
        assertThat(stock(product.getId()).getAvailableQuantity()).isZero();

        expire(order);

        assertThat(stock(product.getId()).getAvailableQuantity()).isEqualTo(2);
        asOrderSvc.reserveStock(reserve(Ids.newId(), product.getId(), 2)).await().atMost(WAIT);
        assertThat(GrpcErrors
                .reason(catchThrowable(() -> asOrderSvc.commitReservation(CommitReservationRequest.newBuilder()
                        .setOrderId(order.toString()).build()).await().atMost(WAIT))))
                .contains("RESERVATION_EXPIRED");
    }

    @Test
    void givenAReservation_whenCommittedTwice_thenStockDropsOnce() {
        Product product = TestCatalog.create(products, TestCatalog.product("Coffee Beans", 450, 10));
        InventoryService asOrderSvc = TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN);
        UUID order = Ids.newId();
        asOrderSvc.reserveStock(reserve(order, product.getId(), 3)).await().atMost(WAIT);

        CommitReservationRequest commit = CommitReservationRequest.newBuilder().setOrderId(order.toString()).build();
        asOrderSvc.commitReservation(commit).await().atMost(WAIT);
        var second = asOrderSvc.commitReservation(commit).await().atMost(WAIT).getReservation();

        assertThat(second.getStatus()).isEqualTo(ReservationStatus.RESERVATION_STATUS_COMMITTED);
        StockLevel level = stock(product.getId());
        assertThat(level.getStockQuantity()).isEqualTo(7);
        assertThat(level.getReservedQuantity()).isZero();
        assertThat(level.getAvailableQuantity()).isEqualTo(7);
    }

    @Test
    void givenAReservation_whenReleasedTwice_thenTheStockIsFreeOnceAndNothingElseChanges() {
        Product product = TestCatalog.create(products, TestCatalog.product("Tea Pot", 650, 4));
        InventoryService asOrderSvc = TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN);
        UUID order = Ids.newId();
        asOrderSvc.reserveStock(reserve(order, product.getId(), 4)).await().atMost(WAIT);

        ReleaseReservationRequest release = ReleaseReservationRequest.newBuilder().setOrderId(order.toString()).build();
        asOrderSvc.releaseReservation(release).await().atMost(WAIT);
        asOrderSvc.releaseReservation(release).await().atMost(WAIT);
        asOrderSvc.releaseReservation(ReleaseReservationRequest.newBuilder().setOrderId(Ids.newId().toString()).build())
                .await().atMost(WAIT);

        assertThat(stock(product.getId()).getAvailableQuantity()).isEqualTo(4);
        assertThat(stock(product.getId()).getStockQuantity()).isEqualTo(4);
    }

    @Test
    void givenReservedStock_whenAnAdminAdjusts_thenStockMayNotFallBelowTheReservedUnits() {
        Product product = TestCatalog.create(products, TestCatalog.product("Board Game", 1200, 5));
        TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN)
                .reserveStock(reserve(Ids.newId(), product.getId(), 3)).await().atMost(WAIT);
        InventoryService asAdmin = TestTokens.withToken(inventory, TestCatalog.ADMIN_TOKEN);

        Throwable tooMuch = catchThrowable(() -> asAdmin.adjustStock(adjust(product.getId(), -3)).await().atMost(WAIT));
        StockLevel after = asAdmin.adjustStock(adjust(product.getId(), 10)).await().atMost(WAIT).getLevel();
        Throwable customer = catchThrowable(() -> TestTokens.withToken(inventory, TestCatalog.customerToken())
                .adjustStock(adjust(product.getId(), 1)).await().atMost(WAIT));

        assertThat(GrpcErrors.reason(tooMuch)).contains("INSUFFICIENT_STOCK");
        assertThat(after.getStockQuantity()).isEqualTo(15);
        assertThat(after.getAvailableQuantity()).isEqualTo(12);
        assertThat(GrpcErrors.code(customer)).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void givenStockAtItsLimit_whenAnAdminAddsMore_thenFailedPreconditionRatherThanAnOverflow() {
        Product product = TestCatalog.create(products, TestCatalog.product("Wood Screw", 1, 10_000_000));
        InventoryService asAdmin = TestTokens.withToken(inventory, TestCatalog.ADMIN_TOKEN);
        StockLevel level = null;
        for (int i = 0; i < 90; i++) {
            level = asAdmin.adjustStock(adjust(product.getId(), 1_000_000)).await().atMost(WAIT).getLevel();
        }

        Throwable beyond = catchThrowable(() -> asAdmin.adjustStock(adjust(product.getId(), 1)).await().atMost(WAIT));

        assertThat(level.getStockQuantity()).isEqualTo(100_000_000);
        assertThat(GrpcErrors.code(beyond)).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.reason(beyond)).contains("STOCK_LIMIT");
    }

    @Test
    void givenAnyoneButAService_whenCallingTheInternalRpcs_thenPermissionDeniedAndNoStockIsHeld() {
        Product product = TestCatalog.create(products, TestCatalog.product("Guarded Lamp", 900, 3));
        UUID order = Ids.newId();
        List<String> tokens = List.of(TestCatalog.customerToken(), TestCatalog.ADMIN_TOKEN,
                TestTokens.partner("partner-feed", "catalog:read", "catalog:write", "orders:fulfil"));

        for (String token : tokens) {
            InventoryService as = TestTokens.withToken(inventory, token);
            ProductService productsAs = TestTokens.withToken(products, token);
            List<Throwable> refusals = List.of(
                    catchThrowable(() -> as.reserveStock(reserve(order, product.getId(), 3)).await().atMost(WAIT)),
                    catchThrowable(() -> as.commitReservation(CommitReservationRequest.newBuilder()
                            .setOrderId(order.toString()).build()).await().atMost(WAIT)),
                    catchThrowable(() -> as.releaseReservation(ReleaseReservationRequest.newBuilder()
                            .setOrderId(order.toString()).build()).await().atMost(WAIT)),
                    catchThrowable(
                            () -> as.getStock(GetStockRequest.newBuilder().addProductIds(product.getId()).build())
                                    .await().atMost(WAIT)),
                    catchThrowable(() -> productsAs.batchGetProducts(org.commercemesh.catalog.v1.BatchGetProductsRequest
                            .newBuilder().addProductIds(product.getId()).build()).await().atMost(WAIT)));
            assertThat(refusals).allSatisfy(
                    failure -> assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.PERMISSION_DENIED));
        }
        assertThat(stock(product.getId()).getAvailableQuantity()).isEqualTo(3);
    }

    @Test
    void givenAReservationLongerThanTheCap_whenReserving_thenInvalidArgument() {
        Product product = TestCatalog.create(products, TestCatalog.product("Patient Kettle", 900, 3));

        Throwable failure = catchThrowable(() -> TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN)
                .reserveStock(reserve(Ids.newId(), product.getId(), 1).toBuilder()
                        .setTtl(com.google.protobuf.Duration.newBuilder().setSeconds(24 * 3600)).build())
                .await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(failure)).containsExactly("ttl");
        assertThat(stock(product.getId()).getAvailableQuantity()).isEqualTo(3);
    }

    @Test
    void givenAMerchantFeed_whenItAdjustsStock_thenItMayAndAnotherPartnerMayNot() {
        Product product = TestCatalog.create(products, TestCatalog.product("Fed Lamp", 900, 3));

        StockLevel fed = TestTokens.withToken(inventory, TestTokens.partner("partner-feed", "catalog:write"))
                .adjustStock(adjust(product.getId(), 7)).await().atMost(WAIT).getLevel();
        Throwable fulfiller = catchThrowable(
                () -> TestTokens.withToken(inventory, TestTokens.partner("partner-3pl", "orders:fulfil"))
                        .adjustStock(adjust(product.getId(), 7)).await().atMost(WAIT));

        assertThat(fed.getStockQuantity()).isEqualTo(10);
        assertThat(GrpcErrors.code(fulfiller)).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void givenInvalidLines_whenReserving_thenEveryViolationIsListed() {
        Throwable failure = catchThrowable(() -> TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN)
                .reserveStock(ReserveStockRequest.newBuilder().setOrderId("nope")
                        .addLines(StockLine.newBuilder().setProductId("x").setQuantity(0)).build())
                .await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(failure))
                .containsExactly("order_id", "lines[0].product_id", "lines[0].quantity");
    }

    private StockLevel stock(String productId) {
        return TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN)
                .getStock(GetStockRequest.newBuilder().addProductIds(productId).build()).await().atMost(WAIT)
                .getLevels(0);
    }

    private static ReserveStockRequest reserve(UUID order, String productId, int quantity) {
        return ReserveStockRequest.newBuilder().setOrderId(order.toString())
                .addLines(StockLine.newBuilder().setProductId(productId).setQuantity(quantity)).build();
    }

    private static AdjustStockRequest adjust(String productId, int delta) {
        return AdjustStockRequest.newBuilder().setProductId(productId).setDelta(delta).setReason("stock count").build();
    }

    /** Moves the reservation's expiry into the past, as if its time had run out. */
    private static void expire(UUID order) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "update stock_reservation set expires_at = now() - interval '1 second' where order_id = :order")
                        .setParameter("order", order).executeUpdate())));
    }
}
