package org.commercemesh.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.order.FakeMesh;
import org.commercemesh.order.v1.GetOrderRequest;
import org.commercemesh.order.v1.ListOrdersRequest;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.order.v1.OrderPlaced;
import org.commercemesh.order.v1.OrderService;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PaymentStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.kafka.TestKafka;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

@QuarkusTest
class CheckoutTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @GrpcClient("order")
    OrderService orders;

    @Inject
    PendingOrderSweeper sweeper;

    @Test
    void givenACartAndAGoodCard_whenPlacingAnOrder_thenItIsConfirmedWithItsAmountsAndEvents() throws Exception {
        FakeMesh.reset(400, 10, 2);
        OrderService buyer = buyer();

        Order order = place(buyer, UUID.randomUUID().toString(), "tok_visa");

        assertThat(order.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
        assertThat(order.getPaymentStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_PAID);
        assertThat(order.getOrderNumber()).matches("ORD-\\d{8}-\\d{6}");
        assertThat(order.getSubtotal()).isEqualTo(FakeMesh.thb(800));
        assertThat(order.getShipping()).isEqualTo(FakeMesh.thb(50));
        assertThat(Amount.fromProto(order.getTax()).value()).isEqualByComparingTo("56.00");
        assertThat(Amount.fromProto(order.getTotal()).value()).isEqualByComparingTo("906.00");
        assertThat(order.getShippingAddress().getCity()).isEqualTo("Bangkok");
        assertThat(order.getShippingAddress().getDeliveryInstructions()).isEqualTo("Leave it with the concierge");
        assertThat(order.getItems(0).getQuantity()).isEqualTo(2);
        try (ConsumerTask<String, byte[]> consumer = TestKafka.readFromStart("order.events")) {
            List<ConsumerRecord<String, byte[]>> records = TestKafka.recordsUntil(consumer,
                    r -> order.getId().equals(r.key())
                            && type(r).equals("commerce.order.v1.OrderConfirmed"),
                    Duration.ofSeconds(30));
            List<String> types = records.stream().filter(r -> order.getId().equals(r.key())).map(CheckoutTest::type)
                    .toList();
            assertThat(types).containsExactly("commerce.order.v1.OrderPlaced", "commerce.order.v1.OrderConfirmed");
            OrderPlaced placed = OrderPlaced
                    .parseFrom(records.stream().filter(r -> order.getId().equals(r.key())).findFirst()
                            .orElseThrow().value());
            assertThat(placed.getCartId()).isEqualTo(FakeMesh.cartId());
        }
    }

    @Test
    void givenACartWithACoupon_thenTheOrderIsRedeemedOnceWithIt_andTaxIsOnTheDiscountedSubtotal() {
        FakeMesh.reset(400, 10, 2);
        FakeMesh.coupon("SPRING10", null);
        OrderService buyer = buyer();
        String requestId = UUID.randomUUID().toString();

        Order order = place(buyer, requestId, "tok_visa");
        Order again = place(buyer, requestId, "tok_visa");

        assertThat(order.getCouponCode()).isEqualTo("SPRING10");
        assertThat(Amount.fromProto(order.getDiscount()).value()).isEqualByComparingTo("80");
        assertThat(Amount.fromProto(order.getTax()).value()).as("7% of 720").isEqualByComparingTo("50.40");
        assertThat(Amount.fromProto(order.getTotal()).value()).isEqualByComparingTo("820.40");
        assertThat(again.getId()).isEqualTo(order.getId());
        assertThat(FakeMesh.redemptions()).filteredOn(redemption -> redemption.getOrderId().equals(order.getId()))
                .singleElement().satisfies(redemption -> assertThat(redemption.getCode()).isEqualTo("SPRING10"));
    }

    @Test
    void givenACouponThatIsUsedUp_thenCheckoutFailsWithItsReason_beforeAnyOrderExists() {
        FakeMesh.reset(400, 10, 1);
        FakeMesh.coupon("GONE", "COUPON_EXHAUSTED: the coupon has been used up");
        OrderService buyer = buyer();

        Throwable refused = catchThrowable(() -> place(buyer, UUID.randomUUID().toString(), "tok_visa"));

        assertThat(GrpcErrors.code(refused)).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(buyer.listOrders(ListOrdersRequest.getDefaultInstance()).await().atMost(WAIT).getOrdersList())
                .isEmpty();
    }

    @Test
    void givenACartWorthMoreThanAnOrderCanHold_thenCheckoutSaysSo_beforeACouponIsRedeemedOrAnOrderWritten() {
        FakeMesh.reset(999_999_999_999_999L, 100, 50);
        FakeMesh.coupon("BIG10", null);
        OrderService buyer = buyer();
        int redeemedBefore = FakeMesh.redemptions().size();

        Throwable refused = catchThrowable(() -> place(buyer, UUID.randomUUID().toString(), "tok_visa"));

        assertThat(GrpcErrors.code(refused)).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.reason(refused)).contains("ORDER_TOO_LARGE");
        assertThat(FakeMesh.redemptions()).hasSize(redeemedBefore);
        assertThat(buyer.listOrders(ListOrdersRequest.getDefaultInstance()).await().atMost(WAIT).getOrdersList())
                .isEmpty();
    }

    @Test
    void givenFreeShippingThreshold_whenTheSubtotalReachesIt_thenShippingIsFree() {
        FakeMesh.reset(1000, 10, 1);

        Order order = place(buyer(), UUID.randomUUID().toString(), "tok_visa");

        assertThat(Amount.fromProto(order.getShipping()).value()).isZero();
        assertThat(Amount.fromProto(order.getTotal()).value()).isEqualByComparingTo("1070.00");
    }

    @Test
    void givenTheSameRequestIdTwice_thenOneOrderAndOneCharge() throws Throwable {
        FakeMesh.reset(400, 10, 1);
        OrderService buyer = buyer();
        String requestId = UUID.randomUUID().toString();

        Order first = place(buyer, requestId, "tok_visa");
        Order second = place(buyer, requestId, "tok_visa");

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(charges(first.getId())).isEqualTo(1);
    }

    @Test
    void givenADeclinedCard_thenPaymentDeclinedAndTheOrderIsCancelled_alsoOnRetry() {
        FakeMesh.reset(400, 10, 1);
        OrderService buyer = buyer();
        String requestId = UUID.randomUUID().toString();

        Throwable failure = catchThrowable(() -> place(buyer, requestId, "tok_declined"));
        Throwable retry = catchThrowable(() -> place(buyer, requestId, "tok_declined"));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.reason(failure)).contains("PAYMENT_DECLINED");
        assertThat(GrpcErrors.reason(retry)).contains("PAYMENT_DECLINED");
        Order cancelled = onlyOrder(buyer);
        assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELLED);
        assertThat(cancelled.getPaymentStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_DECLINED);
        assertThat(cancelled.getCancelReason()).isEqualTo("PAYMENT_DECLINED");
    }

    @Test
    void givenTooLittleStock_thenOutOfStockAndTheOrderIsCancelled() {
        FakeMesh.reset(400, 1, 3);
        OrderService buyer = buyer();

        Throwable failure = catchThrowable(() -> place(buyer, UUID.randomUUID().toString(), "tok_visa"));

        assertThat(GrpcErrors.reason(failure)).contains("OUT_OF_STOCK");
        assertThat(onlyOrder(buyer).getCancelReason()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    void givenNothingToBuyOrNowhereToShip_thenFailedPreconditionWithTheReason() {
        FakeMesh.reset(400, 10, 1);
        FakeMesh.cart(Map.of());
        assertThat(GrpcErrors.reason(catchThrowable(() -> place(buyer(), UUID.randomUUID().toString(), "tok_visa"))))
                .contains("EMPTY_CART");

        Product retired = FakeMesh.reset(400, 10, 1).toBuilder().setStatus(ProductStatus.PRODUCT_STATUS_ARCHIVED)
                .build();
        FakeMesh.put(retired);
        FakeMesh.coupon("SPRING10", null);
        int redeemedBefore = FakeMesh.redemptions().size();
        assertThat(GrpcErrors.reason(catchThrowable(() -> place(buyer(), UUID.randomUUID().toString(), "tok_visa"))))
                .contains("PRODUCT_UNAVAILABLE");
        assertThat(FakeMesh.redemptions()).as("nothing is held for a checkout that cannot go on")
                .hasSize(redeemedBefore);

        FakeMesh.reset(400, 10, 1);
        FakeMesh.noAddresses();
        assertThat(GrpcErrors.reason(catchThrowable(() -> place(buyer(), UUID.randomUUID().toString(), "tok_visa"))))
                .contains("NO_SHIPPING_ADDRESS");
    }

    @Test
    void givenSomeoneElsesAddress_whenPlacingAnOrder_thenNotFound() {
        FakeMesh.reset(400, 10, 1);

        Throwable failure = catchThrowable(() -> buyer().placeOrder(PlaceOrderRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString()).setPaymentToken("tok_visa")
                .setShippingAddressId(UUID.randomUUID().toString()).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void givenInvalidFields_whenPlacingAnOrder_thenEveryViolationIsListed() {
        Throwable failure = catchThrowable(() -> buyer().placeOrder(PlaceOrderRequest.newBuilder()
                .setShippingAddressId("home").setNotes("x".repeat(501)).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(failure))
                .containsExactly("request_id", "shipping_address_id", "payment_token", "notes");
    }

    @Test
    void givenAProviderError_thenTheOrderStaysPendingUntilTheSweeperGivesUp() throws Throwable {
        FakeMesh.reset(400, 10, 1);
        OrderService buyer = buyer();

        Order pending = place(buyer, UUID.randomUUID().toString(), "tok_provider_error");
        assertThat(pending.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PENDING);
        assertThat(pending.getPaymentStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_FAILED);

        age(pending.getId(), Duration.ofMinutes(3));
        VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep());
        assertThat(get(buyer, pending.getId()).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PENDING);

        age(pending.getId(), Duration.ofMinutes(20));
        VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep());
        Order settled = get(buyer, pending.getId());
        assertThat(settled.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELLED);
        assertThat(settled.getCancelReason()).isEqualTo("PAYMENT_TIMEOUT");
    }

    private static OrderService buyerOf(OrderService orders, UUID userId) {
        return TestTokens.withToken(orders, TestTokens.customer(userId));
    }

    private OrderService buyer() {
        return buyerOf(orders, UUID.randomUUID());
    }

    private static Order place(OrderService as, String requestId, String paymentToken) {
        return as
                .placeOrder(
                        PlaceOrderRequest.newBuilder().setRequestId(requestId).setPaymentToken(paymentToken).build())
                .await().atMost(WAIT).getOrder();
    }

    private static Order get(OrderService as, String orderId) {
        return as.getOrder(GetOrderRequest.newBuilder().setOrderId(orderId).build()).await().atMost(WAIT).getOrder();
    }

    @Test
    void givenOptionsChosenInTheCart_thenTheOrderLinesKeepThemInTheReplyTheDatabaseAndTheEvent() throws Exception {
        FakeMesh.reset(400, 10, 1);
        FakeMesh.cart(Map.of());
        FakeMesh.addLine(FakeMesh.product("Shirt", 300, 5), 2, Map.of("size", "M", "colour", "blue"));

        OrderService buyer = buyer();
        Order order = place(buyer, UUID.randomUUID().toString(), "tok_visa");
        Order reread = get(buyer, order.getId());

        assertThat(order.getItems(0).getOptionsMap())
                .containsExactlyInAnyOrderEntriesOf(Map.of("size", "M", "colour", "blue"));
        assertThat(reread.getItems(0).getOptionsMap()).isEqualTo(order.getItems(0).getOptionsMap());
        try (ConsumerTask<String, byte[]> consumer = TestKafka.readFromStart("order.events")) {
            ConsumerRecord<String, byte[]> confirmed = TestKafka
                    .recordsUntil(consumer, r -> order.getId().equals(r.key())
                            && type(r).equals("commerce.order.v1.OrderConfirmed"), Duration.ofSeconds(30))
                    .stream()
                    .filter(r -> order.getId().equals(r.key()) && type(r).equals("commerce.order.v1.OrderConfirmed"))
                    .findFirst().orElseThrow();
            OrderConfirmed event = OrderConfirmed.parseFrom(confirmed.value());
            assertThat(event.getCartId()).isEqualTo(FakeMesh.cartId());
            assertThat(event.getLines(0).getOptionsMap()).containsEntry("colour", "blue");
            assertThat(event.getLines(0).getCartItemId()).isEqualTo(FakeMesh.cartItems().get(0).getId());
        }
    }

    @Test
    void givenAPaidOrder_thenItKeepsTheProvidersReferenceAndTheCardTokenIsStoredNowhere() throws Throwable {
        FakeMesh.reset(400, 10, 1);

        Order order = place(buyer(), UUID.randomUUID().toString(), "tok_visa");

        assertThat(storedText("select payment_reference from customer_order where id = :id", order.getId()))
                .startsWith("auth_");
        assertThat(storedText("select string_agg(concat_ws('|', o::text, p::text), '|') from customer_order o "
                + "join payment p on p.order_id = o.id where o.id = :id", order.getId())).doesNotContain("tok_");
    }

    @Test
    void givenACheckoutStillBeingPaid_whenTheSameCartIsCheckedOutAgain_thenCheckoutInProgress() {
        FakeMesh.reset(400, 10, 1);
        OrderService buyer = buyer();
        Order pending = place(buyer, UUID.randomUUID().toString(), "tok_provider_error");

        Throwable second = catchThrowable(() -> place(buyer, UUID.randomUUID().toString(), "tok_visa"));

        assertThat(pending.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PENDING);
        assertThat(GrpcErrors.code(second)).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.reason(second)).contains("CHECKOUT_IN_PROGRESS");
    }

    @Test
    void givenTwoCheckoutsOfTheSameCartAtOnce_thenOneOrderIsMadeAndTheOtherIsRefusedWithAStableReason() {
        FakeMesh.reset(400, 10, 1);
        OrderService buyer = buyer();

        List<java.util.concurrent.CompletableFuture<Object>> attempts = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> buyer
                        .placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                                .setPaymentToken("tok_visa").build())
                        .map(response -> (Object) response.getOrder())
                        .onFailure()
                        .recoverWithItem(failure -> GrpcErrors.reason(failure).orElse(GrpcErrors.code(failure).name()))
                        .subscribeAsCompletionStage())
                .toList();
        List<Object> outcomes = attempts.stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(outcomes).filteredOn(Order.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(String.class::isInstance)
                .allMatch(reason -> reason.equals("CHECKOUT_IN_PROGRESS") || reason.equals("CART_ALREADY_ORDERED"));
        assertThat(
                buyer.listOrders(org.commercemesh.order.v1.ListOrdersRequest.getDefaultInstance()).await().atMost(WAIT)
                        .getOrdersList())
                .hasSize(1);
    }

    @Test
    void givenTheSameRequestIdSentFourTimesAtOnce_thenOneOrderOneChargeAndEveryAnswerIsThatOrder() throws Throwable {
        FakeMesh.reset(400, 10, 1);
        OrderService buyer = buyer();
        PlaceOrderRequest request = PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPaymentToken("tok_visa").build();

        List<String> ids = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> buyer.placeOrder(request).map(response -> response.getOrder().getId())
                        .subscribeAsCompletionStage())
                .toList().stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(ids).hasSize(4).containsOnly(ids.get(0));
        assertThat(charges(ids.get(0))).isEqualTo(1);
    }

    @Test
    void givenAPaidOrderStillInTheCart_whenCheckingOutAgain_thenOnlyLinesAddedSinceAreOrdered() {
        FakeMesh.reset(400, 10, 1);
        OrderService buyer = buyer();
        Order first = place(buyer, UUID.randomUUID().toString(), "tok_visa");

        Throwable again = catchThrowable(() -> place(buyer, UUID.randomUUID().toString(), "tok_visa"));
        Product later = FakeMesh.product("Milk Jug", 150, 5);
        FakeMesh.addLine(later, 1, Map.of());
        Order second = place(buyer, UUID.randomUUID().toString(), "tok_visa");

        assertThat(first.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
        assertThat(GrpcErrors.reason(again)).contains("CART_ALREADY_ORDERED");
        assertThat(second.getItemsList()).extracting(org.commercemesh.order.v1.OrderItem::getProductId)
                .containsExactly(later.getId());
    }

    @Test
    void givenAnAuthorizationWhoseAnswerWasLost_whenTheSweeperRuns_thenItReservesCapturesAndConfirms()
            throws Throwable {
        FakeMesh.reset(400, 10, 1);
        OrderService buyer = buyer();
        Order pending = place(buyer, UUID.randomUUID().toString(), "tok_provider_timeout");
        assertThat(pending.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PENDING);

        age(pending.getId(), Duration.ofMinutes(3));
        VertxContextSupport.subscribeAndAwait(() -> sweeper.sweep());

        Order settled = get(buyer, pending.getId());
        assertThat(settled.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
        assertThat(settled.getPaymentStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_PAID);
        assertThat(charges(pending.getId())).isEqualTo(1);
    }

    private static String storedText(String sql, String orderId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery(sql, String.class).setParameter("id", UUID.fromString(orderId))
                        .getSingleResult())));
    }

    private static Order onlyOrder(OrderService as) {
        List<Order> mine = as.listOrders(org.commercemesh.order.v1.ListOrdersRequest.getDefaultInstance()).await()
                .atMost(WAIT).getOrdersList();
        assertThat(mine).hasSize(1);
        return mine.get(0);
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }

    private static long charges(String orderId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery(
                                "select count(*) from payment where order_id = :id and kind = 'CHARGE' and status = 'SUCCEEDED'",
                                Long.class)
                        .setParameter("id", UUID.fromString(orderId)).getSingleResult())));
    }

    /** Moves the order's creation back in time, as if it had waited that long. */
    private static void age(String orderId, Duration age) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery(
                                "update customer_order set created_at = now() - make_interval(secs => :seconds) where id = :id")
                        .setParameter("seconds", (double) age.toSeconds()).setParameter("id", UUID.fromString(orderId))
                        .executeUpdate())));
    }
}
