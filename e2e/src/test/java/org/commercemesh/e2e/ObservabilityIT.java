package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.catalog.v1.SearchProductsRequest;
import org.commercemesh.e2e.SpanCollector.ReceivedSpan;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/** What an operator sees of a purchase: one trace across the mesh, business metrics, clean logs. */
class ObservabilityIT {

    private static final List<String> SERVICES = List.of("user-svc", "catalog-svc", "cart-svc", "order-svc");
    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static Mesh mesh;

    @BeforeAll
    static void startTheMesh() {
        mesh = Mesh.get();
    }

    @Test
    void givenAPurchaseInATrace_thenOneTraceHoldsEveryServiceAndTheKafkaHopsBetweenThem() {
        Shopper erin = Shopper.register(mesh);
        erin.cart().addCartItem(AddCartItemRequest.newBuilder().setProductId(inStock(erin).getId()).setQuantity(1)
                .build());
        String traceId = HEX.formatHex(bytes(16));

        Order order = traced(erin.orders(), traceId).placeOrder(PlaceOrderRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString()).setPaymentToken("tok_visa").build()).getOrder();

        assertThat(order.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ReceivedSpan> trace = mesh.spans().trace(traceId);
            assertThat(trace).extracting(ReceivedSpan::service).containsAll(SERVICES);
            // PlaceOrder's RPCs to cart-svc, catalog-svc and user-svc, its SQL, and the events it
            // published through the outbox, consumed by the three other services in the same trace.
            assertThat(trace).anyMatch(span -> span.service().equals("order-svc") && span.kind().equals("SERVER"));
            assertThat(trace).anyMatch(span -> span.service().equals("order-svc") && span.kind().equals("PRODUCER"));
            for (String consumer : List.of("catalog-svc", "cart-svc", "user-svc")) {
                assertThat(trace).as(consumer + " consumed the order's events")
                        .anyMatch(span -> span.service().equals(consumer) && span.kind().equals("CONSUMER"));
            }
            assertThat(trace).as("PostgreSQL statements").anyMatch(span -> span.service().equals("catalog-svc")
                    && span.kind().equals("CLIENT") && !span.name().contains("/"));
        });
    }

    @Test
    void givenADeclinedCard_thenTheCancellationCounterForThatReasonMoves() throws Exception {
        Shopper erin = Shopper.register(mesh);
        erin.cart().addCartItem(AddCartItemRequest.newBuilder().setProductId(inStock(erin).getId()).setQuantity(1)
                .build());
        double before = metric("order-svc", "commerce_orders_cancelled_total", "reason=\"PAYMENT_DECLINED\"");
        double declinedBefore = metric("order-svc", "commerce_payments_total",
                "operation=\"authorize\",outcome=\"DECLINED\"");

        Throwable declined = catchThrowable(() -> erin.orders().placeOrder(PlaceOrderRequest.newBuilder()
                .setRequestId(UUID.randomUUID().toString()).setPaymentToken("tok_declined").build()));

        assertThat(GrpcErrors.reason(declined)).contains("PAYMENT_DECLINED");
        assertThat(metric("order-svc", "commerce_orders_cancelled_total", "reason=\"PAYMENT_DECLINED\""))
                .isEqualTo(before + 1);
        assertThat(metric("order-svc", "commerce_payments_total", "operation=\"authorize\",outcome=\"DECLINED\""))
                .isEqualTo(declinedBefore + 1);
        assertThat(metric("order-svc", "commerce_checkout_duration_seconds_count", "outcome=\"CANCELLED\""))
                .isPositive();
    }

    @Test
    void givenCallsWithTokens_thenNoServiceLogsATokenAndEveryLogLineIsJson() throws Exception {
        Shopper erin = Shopper.register(mesh);
        erin.cart().addCartItem(AddCartItemRequest.newBuilder().setProductId(inStock(erin).getId()).setQuantity(1)
                .build());
        erin.orders().placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPaymentToken("tok_visa").build());
        String serviceToken = mesh.serviceToken("order-svc");

        for (String service : SERVICES) {
            String log = mesh.log(service);
            assertThat(log).as(service).doesNotContain(erin.accessToken).doesNotContain(serviceToken)
                    .doesNotContain(Shopper.PASSWORD);
            assertThat(log.lines().filter(line -> line.startsWith("{"))).as(service + " logs JSON").isNotEmpty();
            assertThat(log.lines().filter(line -> line.startsWith("{\"timestamp\"") && !line.endsWith("}")))
                    .as(service + ": one JSON object per line").isEmpty();
        }
    }

    private static Product inStock(Shopper shopper) {
        return shopper.products().searchProducts(SearchProductsRequest.newBuilder().setQuery("camping tent")
                .setFilter(ProductFilter.newBuilder().setInStockOnly(true)).build()).getProducts(0);
    }

    /** The stub with a W3C traceparent, as a traced client (or the edge) sends it. */
    private static <S extends AbstractStub<S>> S traced(S stub, String traceId) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
                "00-" + traceId + "-" + HEX.formatHex(bytes(8)) + "-01");
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static byte[] bytes(int count) {
        byte[] random = new byte[count];
        RANDOM.nextBytes(random);
        random[count - 1] |= 1;
        return random;
    }

    /** A counter's value on the service's metrics endpoint, 0 when it has not been counted yet. */
    private static double metric(String service, String name, String labels) throws Exception {
        String body = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + mesh.address(service) + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        // A sample may end with an exemplar (" # {span_id=…,trace_id=…} …") linking it to a trace.
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)").matcher(body);
        double total = 0;
        while (sample.find()) {
            if (sample.group(1).contains(labels)) {
                total += Double.parseDouble(sample.group(2));
            }
        }
        return total;
    }
}
