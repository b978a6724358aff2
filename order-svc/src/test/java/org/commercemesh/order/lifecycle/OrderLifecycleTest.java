package org.commercemesh.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commercemesh.audit.v1.AuditEntry;
import org.commercemesh.order.FakeMesh;
import org.commercemesh.order.v1.CancelOrderRequest;
import org.commercemesh.order.v1.GetOrderRequest;
import org.commercemesh.order.v1.ListOrdersRequest;
import org.commercemesh.order.v1.ListOrdersResponse;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderCancelled;
import org.commercemesh.order.v1.OrderService;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PaymentStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.order.v1.RefundOrderRequest;
import org.commercemesh.order.v1.UpdateOrderStatusRequest;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.testing.audit.AuditTrail;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.kafka.TestKafka;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

@QuarkusTest
class OrderLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @GrpcClient("order")
    OrderService orders;

    @Test
    void givenAPaidOrder_whenTheBuyerCancelsIt_thenItIsRefundedAndRestocked() throws Exception {
        OrderService ann = customer();
        Order order = confirmedOrder(ann);

        Order cancelled = ann.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(order.getId()).build())
                .await().atMost(WAIT).getOrder();

        assertThat(cancelled.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CANCELLED);
        assertThat(cancelled.getPaymentStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_REFUNDED);
        assertThat(cancelled.getCancelReason()).isEqualTo("CUSTOMER_REQUEST");
        try (ConsumerTask<String, byte[]> consumer = TestKafka.readFromStart("order.events")) {
            ConsumerRecord<String, byte[]> event = TestKafka.recordsUntil(consumer, r -> order.getId().equals(r.key())
                    && type(r).equals("commerce.order.v1.OrderCancelled"), Duration.ofSeconds(30)).stream()
                    .filter(r -> order.getId().equals(r.key()) && type(r).equals("commerce.order.v1.OrderCancelled"))
                    .findFirst().orElseThrow();
            assertThat(OrderCancelled.parseFrom(event.value()).getStockCommitted()).isTrue();
        }
    }

    @Test
    void givenAConfirmedOrder_whenAnAdminFulfilsIt_thenItMovesThroughEveryStageWithTimes() {
        Order order = confirmedOrder(customer());
        OrderService admin = admin();

        Throwable skipping = catchThrowable(() -> advance(admin, order, OrderStatus.ORDER_STATUS_SHIPPED, "TH123"));
        advance(admin, order, OrderStatus.ORDER_STATUS_PROCESSING, "");
        Throwable noTracking = catchThrowable(() -> advance(admin, order, OrderStatus.ORDER_STATUS_SHIPPED, ""));
        Order shipped = advance(admin, order, OrderStatus.ORDER_STATUS_SHIPPED, "TH123456789");
        Order delivered = advance(admin, order, OrderStatus.ORDER_STATUS_DELIVERED, "");
        Throwable backwards = catchThrowable(() -> advance(admin, order, OrderStatus.ORDER_STATUS_PROCESSING, ""));

        assertThat(GrpcErrors.reason(skipping)).contains("INVALID_STATUS_TRANSITION");
        assertThat(GrpcErrors.violatedFields(noTracking)).containsExactly("tracking_number");
        assertThat(shipped.getTrackingNumber()).isEqualTo("TH123456789");
        assertThat(shipped.hasShipTime()).isTrue();
        assertThat(delivered.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_DELIVERED);
        assertThat(delivered.hasDeliverTime()).isTrue();
        assertThat(GrpcErrors.reason(backwards)).contains("INVALID_STATUS_TRANSITION");
    }

    @Test
    void givenAPageTokenWithATimeTheDatabaseCannotHold_whenListingOrders_thenInvalidArgument() {
        Throwable failure = catchThrowable(() -> customer().listOrders(ListOrdersRequest.newBuilder()
                .setPageToken(PageRequest.tokenAfter("+1000000000-01-01T00:00:00Z", UUID.randomUUID().toString()))
                .build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.violatedFields(failure)).containsExactly("page_token");
    }

    @Test
    void givenAFulfilmentPartner_whenItListsPaidOrdersAndShipsOne_thenItMayButNotRefundOrBuy_andOthersMayNotFulfil() {
        Order order = confirmedOrder(customer());
        OrderService fulfiller = TestTokens.withToken(orders, TestTokens.partner("partner-3pl", "orders:fulfil"));
        OrderService feed = TestTokens.withToken(orders, TestTokens.partner("partner-feed", "catalog:write"));

        List<String> paid = fulfiller.listOrders(ListOrdersRequest.newBuilder().setPageSize(100)
                .setStatus(OrderStatus.ORDER_STATUS_CONFIRMED).build()).await().atMost(WAIT).getOrdersList()
                .stream().map(Order::getId).toList();
        advance(fulfiller, order, OrderStatus.ORDER_STATUS_PROCESSING, "");
        Order shipped = advance(fulfiller, order, OrderStatus.ORDER_STATUS_SHIPPED, "TH987654321");
        Order delivered = advance(fulfiller, order, OrderStatus.ORDER_STATUS_DELIVERED, "");
        Throwable refund = catchThrowable(
                () -> fulfiller.refundOrder(RefundOrderRequest.newBuilder().setOrderId(order.getId())
                        .build()).await().atMost(WAIT));
        Throwable buy = catchThrowable(
                () -> fulfiller.placeOrder(org.commercemesh.order.v1.PlaceOrderRequest.newBuilder()
                        .setRequestId("x").setPaymentToken("tok_visa").build()).await().atMost(WAIT));
        Throwable notAFulfiller = catchThrowable(
                () -> feed.listOrders(ListOrdersRequest.getDefaultInstance()).await().atMost(WAIT));

        assertThat(paid).contains(order.getId());
        assertThat(shipped.getTrackingNumber()).isEqualTo("TH987654321");
        assertThat(delivered.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_DELIVERED);
        assertThat(List.of(refund, buy, notAFulfiller))
                .allSatisfy(failure -> assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.PERMISSION_DENIED));
    }

    @Test
    void givenAnOrderShippedByAPartnerAndRefundedByAnAdmin_thenEachChangeIsAudited_butNotTheBuyersOwnCancel() {
        Order shippedOne = confirmedOrder(customer());
        OrderService fulfiller = TestTokens.withToken(orders, TestTokens.partner("partner-audit", "orders:fulfil"));
        advance(fulfiller, shippedOne, OrderStatus.ORDER_STATUS_PROCESSING, "");
        admin().refundOrder(RefundOrderRequest.newBuilder().setOrderId(shippedOne.getId()).setReason("damaged")
                .build()).await().atMost(WAIT);
        OrderService ann = customer();
        Order cancelledOne = confirmedOrder(ann);
        ann.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(cancelledOne.getId()).build())
                .await().atMost(WAIT);
        // The sentinel: once the admin's later change is in, the buyer's cancel would be too.
        Order sentinel = confirmedOrder(ann);
        advance(admin(), sentinel, OrderStatus.ORDER_STATUS_PROCESSING, "");

        List<AuditEntry> trail = AuditTrail.about(shippedOne.getId(), 2);

        assertThat(trail).extracting(AuditEntry::getAction).containsExactly("order.status_update", "order.refund");
        assertThat(trail.get(0).getActor()).isEqualTo("partner-audit");
        assertThat(trail.get(0).getBefore().getFieldsOrThrow("status").getStringValue())
                .isEqualTo("ORDER_STATUS_CONFIRMED");
        assertThat(trail.get(0).getAfter().getFieldsOrThrow("status").getStringValue())
                .isEqualTo("ORDER_STATUS_PROCESSING");
        assertThat(trail.get(1).getAfter().getFieldsOrThrow("status").getStringValue())
                .isEqualTo("ORDER_STATUS_REFUNDED");
        assertThat(AuditTrail.until(entries -> entries.stream()
                .anyMatch(entry -> entry.getResourceId().equals(sentinel.getId()))))
                .noneMatch(entry -> entry.getResourceId().equals(cancelledOne.getId()));
    }

    @Test
    void givenAnOrderInProcessing_whenTheBuyerCancels_thenFailedPrecondition() {
        OrderService ann = customer();
        Order order = confirmedOrder(ann);
        advance(admin(), order, OrderStatus.ORDER_STATUS_PROCESSING, "");

        Throwable failure = catchThrowable(
                () -> ann.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(order.getId())
                        .build()).await().atMost(WAIT));

        assertThat(GrpcErrors.reason(failure)).contains("INVALID_STATUS_TRANSITION");
    }

    @Test
    void givenAPaidOrder_whenAnAdminRefundsIt_thenRefunded_andACustomerCannotDoIt() {
        Order order = confirmedOrder(customer());

        Throwable byCustomer = catchThrowable(() -> customer().refundOrder(RefundOrderRequest.newBuilder()
                .setOrderId(order.getId()).build()).await().atMost(WAIT));
        Order refunded = admin()
                .refundOrder(RefundOrderRequest.newBuilder().setOrderId(order.getId()).setReason("damaged")
                        .build())
                .await().atMost(WAIT).getOrder();

        assertThat(GrpcErrors.code(byCustomer)).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(refunded.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_REFUNDED);
        assertThat(refunded.getPaymentStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_REFUNDED);
    }

    @Test
    void givenAnotherCustomersOrder_whenReadOrCancelled_thenNotFound_andListsShowOnlyOwnOrders() {
        OrderService ann = customer();
        OrderService bob = customer();
        Order annsOrder = confirmedOrder(ann);

        Throwable read = catchThrowable(
                () -> bob.getOrder(GetOrderRequest.newBuilder().setOrderId(annsOrder.getId()).build())
                        .await().atMost(WAIT));
        Throwable cancel = catchThrowable(
                () -> bob.cancelOrder(CancelOrderRequest.newBuilder().setOrderId(annsOrder.getId())
                        .build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(read)).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(GrpcErrors.code(cancel)).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(bob.listOrders(ListOrdersRequest.getDefaultInstance()).await().atMost(WAIT).getOrdersList())
                .isEmpty();
        assertThat(admin().getOrder(GetOrderRequest.newBuilder().setOrderId(annsOrder.getId()).build()).await()
                .atMost(WAIT)
                .getOrder().getUserId()).isEqualTo(annsOrder.getUserId());
    }

    @Test
    void givenSeveralOrders_whenListing_thenNewestFirstAcrossPagesAndAdminsFilterByStatus() {
        OrderService ann = customer();
        Order first = confirmedOrder(ann);
        Order second = confirmedOrder(ann);
        Order third = confirmedOrder(ann);
        advance(admin(), second, OrderStatus.ORDER_STATUS_PROCESSING, "");

        ListOrdersResponse page1 = ann.listOrders(ListOrdersRequest.newBuilder().setPageSize(2).build()).await()
                .atMost(WAIT);
        ListOrdersResponse page2 = ann.listOrders(ListOrdersRequest.newBuilder().setPageSize(2)
                .setPageToken(page1.getNextPageToken()).build()).await().atMost(WAIT);
        List<String> processing = admin().listOrders(ListOrdersRequest.newBuilder().setPageSize(100)
                .setStatus(OrderStatus.ORDER_STATUS_PROCESSING).build()).await().atMost(WAIT).getOrdersList().stream()
                .map(Order::getId).toList();

        assertThat(page1.getOrdersList()).extracting(Order::getId).containsExactly(third.getId(), second.getId());
        assertThat(page2.getOrdersList()).extracting(Order::getId).containsExactly(first.getId());
        assertThat(page2.getNextPageToken()).isEmpty();
        assertThat(processing).contains(second.getId()).doesNotContain(first.getId(), third.getId());
    }

    private OrderService customer() {
        return TestTokens.withToken(orders, TestTokens.customer(UUID.randomUUID()));
    }

    private OrderService admin() {
        return TestTokens.withToken(orders, TestTokens.admin(UUID.randomUUID()));
    }

    private static Order confirmedOrder(OrderService as) {
        FakeMesh.reset(400, 10, 1);
        Order order = as.placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPaymentToken("tok_visa").build()).await().atMost(WAIT).getOrder();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
        return order;
    }

    private static Order advance(OrderService admin, Order order, OrderStatus status, String tracking) {
        return admin.updateOrderStatus(UpdateOrderStatusRequest.newBuilder().setOrderId(order.getId()).setStatus(status)
                .setTrackingNumber(tracking).build()).await().atMost(WAIT).getOrder();
    }

    private static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
