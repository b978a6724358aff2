package org.commercemesh.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.commercemesh.order.FakeMesh;
import org.commercemesh.order.v1.GetOrderRequest;
import org.commercemesh.order.v1.ListOrdersRequest;
import org.commercemesh.order.v1.ListOrdersResponse;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderService;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.postgres.StreamingReplica;
import org.commercemesh.testing.postgres.StreamingReplicaProfile;
import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * order-svc on a private primary with a streaming standby behind its read datasource: order
 * history reads the standby, the order itself the primary.
 */
@QuarkusTest
@TestProfile(StreamingReplicaProfile.class)
class OrderHistoryReplicaTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    StreamingReplica replica;

    @GrpcClient("order")
    OrderService orders;

    @Test
    void givenTheStandbyPaused_whenTheBuyerOrdersAgain_thenGetOrderSeesItAtOnceAndTheHistoryOnceTheStandbyReplays() {
        OrderService buyer = TestTokens.withToken(orders, TestTokens.customer(UUID.randomUUID()));
        FakeMesh.reset(400, 10, 2);
        Order first = place(buyer);
        FakeMesh.reset(250, 10, 1);
        Order second = place(buyer);
        await().atMost(WAIT).until(() -> history(buyer, 1).size() == 2);

        replica.pauseReplay();
        try {
            FakeMesh.reset(120, 10, 3);
            Order third = place(buyer);

            assertThat(get(buyer, third.getId()).getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
            assertThat(history(buyer, 1)).as("a page of one at a time, from the standby")
                    .containsExactly(get(buyer, second.getId()), get(buyer, first.getId()));

            replica.resumeReplay();

            await().atMost(WAIT).untilAsserted(() -> assertThat(history(buyer, 2))
                    .containsExactly(get(buyer, third.getId()), get(buyer, second.getId()), get(buyer, first.getId())));
        } finally {
            replica.resumeReplay();
        }
    }

    /** Every page of the buyer's history, {@code size} orders a page. */
    private static List<Order> history(OrderService buyer, int size) {
        List<Order> all = new ArrayList<>();
        String token = "";
        do {
            ListOrdersResponse page = buyer.listOrders(ListOrdersRequest.newBuilder().setPageSize(size)
                    .setPageToken(token).setStatus(OrderStatus.ORDER_STATUS_CONFIRMED).build()).await().atMost(WAIT);
            all.addAll(page.getOrdersList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return all;
    }

    private static Order place(OrderService buyer) {
        return buyer.placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPaymentToken("tok_visa").build()).await().atMost(WAIT).getOrder();
    }

    private static Order get(OrderService buyer, String orderId) {
        return buyer.getOrder(GetOrderRequest.newBuilder().setOrderId(orderId).build()).await().atMost(WAIT)
                .getOrder();
    }
}
