package org.commercemesh.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.commercemesh.edge.config.EnvoyYaml;
import org.commercemesh.edge.config.FrontDoorConfig;
import org.commercemesh.edge.json.JsonApi;
import org.commercemesh.edge.ratelimit.RateLimitPolicy;
import org.commercemesh.edge.ratelimit.TokenBucket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcStatus;

/**
 * The edge in front of a stand-in catalog-svc, configured by the real envoy/envoy.yaml and the
 * real descriptor set; driven by clients that are not the edge's: the JDK's HTTP client for
 * JSON, grpc-web and CORS, and Vert.x's gRPC client for native gRPC.
 */
class EdgeTest {

    static final Path ENVOY_YAML = Path.of(System.getProperty("edge.envoy-config"));
    static final Path DESCRIPTORS = Path.of(System.getProperty("edge.descriptor-set"));
    static final String GET_PRODUCT = "/commerce.catalog.v1.ProductService/GetProduct";

    static Vertx vertx;
    static FakeCatalog catalog;
    static JsonApi api;
    static Edge edge;
    static Edge limitedEdge;
    static ByteArrayOutputStream accessLog = new ByteArrayOutputStream();
    static HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        FrontDoorConfig config = EnvoyYaml.read(ENVOY_YAML).withDescriptorSet(DESCRIPTORS);
        api = JsonApi.load(DESCRIPTORS, config.transcoder().services());
        catalog = new FakeCatalog(vertx, api);
        int catalogPort = catalog.start();
        FrontDoorConfig local = config.listenOn(new FrontDoorConfig.Endpoint("127.0.0.1", 0))
                .withCluster("catalog-svc", new FrontDoorConfig.Endpoint("127.0.0.1", catalogPort))
                // Nothing listens on port 1: the cart cluster is down.
                .withCluster("cart-svc", new FrontDoorConfig.Endpoint("127.0.0.1", 1));
        edge = await(Edge.start(local, new PrintStream(accessLog, true, StandardCharsets.UTF_8)));
        RateLimitPolicy three = new RateLimitPolicy(new TokenBucket(3, 1, Duration.ofHours(1)), 100,
                local.rateLimit().responseHeaders(), local.rateLimit().rateLimitedAsResourceExhausted());
        limitedEdge = await(Edge.start(new FrontDoorConfig(local.listen(), local.generateRequestId(),
                local.requestIdInResponse(), local.useRemoteAddress(), local.xffTrustedHops(), local.grpcWeb(),
                local.accessLog(), local.cors(), local.routes(), local.transcoder(), three, local.clusters()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void stop() throws Exception {
        await(edge.close());
        await(limitedEdge.close());
        await(vertx.close());
    }

    @Test
    void givenAJsonGet_whenItReachesTheEdge_thenThePathVariableBecomesTheFieldAndTheAnswerIsJson() throws Exception {
        HttpResponse<String> response = send(edge, "GET", "/v1/products/p-1", Map.of("authorization", "Bearer t0k"),
                null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonObject product = new JsonObject(response.body()).getJsonObject("product");
        assertThat(product.getString("id")).isEqualTo("p-1");
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();
        assertThat(product.getString("name"))
                .contains("auth=Bearer t0k").contains("xff=127.0.0.1").contains("rid=" + requestId);
    }

    @Test
    void givenARequestWithoutTraceparent_thenTheEdgeStartsATraceAndTheServiceReceivesIt() throws Exception {
        HttpResponse<String> response = send(edge, "GET", "/v1/products/p-1", Map.of(), null);

        String name = new JsonObject(response.body()).getJsonObject("product").getString("name");
        assertThat(name).containsPattern("tp=00-[0-9a-f]{32}-[0-9a-f]{16}-01;");
    }

    @Test
    void givenAClientsTraceparent_thenTheServiceContinuesThatTrace() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        HttpResponse<String> response = send(edge, "GET", "/v1/products/p-1", Map.of("traceparent", traceparent),
                null);

        assertThat(new JsonObject(response.body()).getJsonObject("product").getString("name"))
                .contains("tp=" + traceparent + ";");
    }

    @Test
    void givenAnAdditionalBindingWithAQueryParameter_thenTheQueryFillsTheField() throws Exception {
        HttpResponse<String> response = send(edge, "GET", "/v1/products:bySlug?slug=blue-mug", Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getJsonObject("product").getString("slug")).isEqualTo("blue-mug");
    }

    @Test
    void givenNestedAndEnumQueryParameters_thenTheyAreTypedIntoTheMessage() throws Exception {
        HttpResponse<String> response = send(edge, "GET",
                "/v1/products?pageSize=5&filter.in_stock_only=true&sort=PRODUCT_SORT_PRICE_ASC&filter.categoryId=c-9",
                Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        String echoed = new JsonObject(response.body()).getJsonArray("products").getJsonObject(0).getString("name");
        assertThat(echoed).contains("page_size: 5").contains("in_stock_only: true")
                .contains("category_id: \"c-9\"").contains("sort: PRODUCT_SORT_PRICE_ASC");
    }

    @Test
    void givenAnUnknownQueryParameter_thenTheEdgeAnswers400AsEnvoyWould() throws Exception {
        HttpResponse<String> response = send(edge, "GET", "/v1/products?pageSiz=5", Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject status = new JsonObject(response.body());
        assertThat(status.getInteger("code")).isEqualTo(3);
        assertThat(status.getString("message")).contains("pageSiz");
        assertThat(catalog.calls("ListProducts")).as("nothing reached the service for it").isLessThanOrEqualTo(2);
    }

    @Test
    void givenTheServiceRefusesWithBadRequest_thenTheJsonClientGetsTheStatusWithItsFieldViolations() throws Exception {
        HttpResponse<String> response = send(edge, "GET", "/v1/products?pageSize=500", Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject status = new JsonObject(response.body());
        assertThat(status.getInteger("code")).isEqualTo(3);
        JsonObject detail = status.getJsonArray("details").getJsonObject(0);
        assertThat(detail.getString("@type")).isEqualTo("type.googleapis.com/google.rpc.BadRequest");
        assertThat(detail.getJsonArray("fieldViolations").getJsonObject(0).getString("field")).isEqualTo("page_size");
    }

    @Test
    void givenABodyStarPost_thenTheBodyIsTheMessageAndMalformedJsonIs400() throws Exception {
        HttpResponse<String> malformed = send(edge, "POST", "/v1/products:search", Map.of(), "{\"query\":");
        assertThat(malformed.statusCode()).isEqualTo(404).as("search is a GET mapping; POST has no binding");

        HttpResponse<String> bad = send(edge, "PATCH", "/v1/products/p-2", Map.of(), "{\"product\": {\"name\": 7");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new JsonObject(bad.body()).getInteger("code")).isEqualTo(3);
    }

    @Test
    void givenAGrpcWebCall_thenTheMessageAndTheTrailersComeBackInGrpcWebFrames() throws Exception {
        byte[] request = GrpcWebFrames.frame(getProduct("p-web").toByteArray());
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri(edge, GET_PRODUCT))
                .header("content-type", "application/grpc-web+proto").header("x-grpc-web", "1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        GrpcWebFrames.Decoded decoded = GrpcWebFrames.decode(response.body());
        assertThat(decoded.trailers()).containsEntry("grpc-status", "0");
        assertThat(productId(decoded.messages().get(0))).isEqualTo("p-web");
    }

    @Test
    void givenAGrpcWebTextCall_thenTheAnswerIsBase64OfTheSameFrames() throws Exception {
        String request = Base64.getEncoder().encodeToString(GrpcWebFrames.frame(getProduct("p-text").toByteArray()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(edge, GET_PRODUCT))
                .header("content-type", "application/grpc-web-text").header("x-grpc-web", "1")
                .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());

        GrpcWebFrames.Decoded decoded = GrpcWebFrames.decode(GrpcWebFrames.base64Chunks(response.body()));
        assertThat(decoded.trailers()).containsEntry("grpc-status", "0");
        assertThat(productId(decoded.messages().get(0))).isEqualTo("p-text");
    }

    @Test
    void givenANativeGrpcCall_thenItPassesThroughAndErrorsKeepTheirDetails() throws Exception {
        GrpcClientResponse<Buffer, Buffer> ok = nativeCall(edge, GET_PRODUCT, getProduct("p-h2").toByteArray(), 0);
        assertThat(ok.status()).isEqualTo(GrpcStatus.OK);

        DynamicMessage list = DynamicMessage.newBuilder(method("ListProducts").getInputType())
                .setField(method("ListProducts").getInputType().findFieldByName("page_size"), 500).build();
        GrpcClientResponse<Buffer, Buffer> refused = nativeCall(edge,
                "/commerce.catalog.v1.ProductService/ListProducts",
                list.toByteArray(), 0);
        assertThat(refused.status()).isEqualTo(GrpcStatus.INVALID_ARGUMENT);
        // Trailers-only: an error without messages carries its trailers in the one header block.
        String details = refused.trailers().get("grpc-status-details-bin");
        assertThat(details != null ? details : refused.headers().get("grpc-status-details-bin")).isNotBlank();
    }

    @Test
    void givenInternalRpcs_thenTheEdgeNeverRoutesThem() throws Exception {
        int before = catalog.calls("BatchGetProducts");
        GrpcClientResponse<Buffer, Buffer> batch = nativeCall(edge,
                "/commerce.catalog.v1.ProductService/BatchGetProducts", new byte[0], 0);
        GrpcClientResponse<Buffer, Buffer> reserve = nativeCall(edge,
                "/commerce.catalog.v1.InventoryService/ReserveStock", new byte[0], 0);

        assertThat(batch.status()).isEqualTo(GrpcStatus.UNIMPLEMENTED);
        assertThat(reserve.status()).isEqualTo(GrpcStatus.UNIMPLEMENTED);
        assertThat(catalog.calls("BatchGetProducts")).isEqualTo(before);
        assertThat(send(edge, "GET", "/v1/inventory/p-1", Map.of(), null).statusCode()).isEqualTo(404);
    }

    @Test
    void givenAReadThatMeetsARestartingService_thenTheEdgeRetriesIt_butNeverAWrite() throws Exception {
        int searches = catalog.calls("SearchProducts");
        catalog.failNext(1);
        HttpResponse<String> read = send(edge, "GET", "/v1/products:search?query=mug", Map.of(), null);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(catalog.calls("SearchProducts")).isEqualTo(searches + 2);

        int deletes = catalog.calls("DeleteProduct");
        catalog.failNext(1);
        HttpResponse<String> write = send(edge, "DELETE", "/v1/products/p-3", Map.of(), null);
        assertThat(write.statusCode()).isEqualTo(503);
        assertThat(catalog.calls("DeleteProduct")).isEqualTo(deletes + 1);
    }

    @Test
    void givenAClusterThatIsDown_thenClientsHearUnavailable() throws Exception {
        HttpResponse<String> json = send(edge, "GET", "/v1/cart", Map.of(), null);
        assertThat(json.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(json.body()).getInteger("code")).isEqualTo(14);

        GrpcClientResponse<Buffer, Buffer> grpc = nativeCall(edge, "/commerce.cart.v1.CartService/GetCart", new byte[0],
                0);
        assertThat(grpc.status()).isEqualTo(GrpcStatus.UNAVAILABLE);
    }

    @Test
    void givenAClientDeadlineShorterThanTheRoute_thenTheCallEndsWithDeadlineExceeded() throws Exception {
        DynamicMessage create = DynamicMessage.newBuilder(method("CreateProduct").getInputType()).build();
        GrpcClientResponse<Buffer, Buffer> response = nativeCall(edge,
                "/commerce.catalog.v1.ProductService/CreateProduct",
                create.toByteArray(), 300);
        assertThat(response.status()).isEqualTo(GrpcStatus.DEADLINE_EXCEEDED);
    }

    @Test
    void givenAPreflightFromAnAllowedOrigin_thenTheEdgeAllowsIt_andFromAnyOtherItDoesNot() throws Exception {
        HttpResponse<String> allowed = send(edge, "OPTIONS", GET_PRODUCT, Map.of("origin", "http://localhost:5173",
                "access-control-request-method", "POST", "access-control-request-headers", "content-type,x-grpc-web"),
                null);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("access-control-allow-origin")).hasValue("http://localhost:5173");
        assertThat(allowed.headers().firstValue("access-control-allow-headers").orElseThrow()).contains("x-grpc-web");

        HttpResponse<String> refused = send(edge, "OPTIONS", GET_PRODUCT, Map.of("origin", "https://evil.example",
                "access-control-request-method", "POST"), null);
        assertThat(refused.headers().firstValue("access-control-allow-origin")).isEmpty();

        HttpResponse<String> actual = send(edge, "GET", "/v1/products/p-4", Map.of("origin", "http://localhost:5173"),
                null);
        assertThat(actual.headers().firstValue("access-control-allow-origin")).hasValue("http://localhost:5173");
        assertThat(actual.headers().firstValue("access-control-expose-headers").orElseThrow()).contains("grpc-status");
    }

    @Test
    void givenAClientOverItsBucket_thenJsonGets429AndGrpcGetsResourceExhausted() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(send(limitedEdge, "GET", "/v1/products/p-" + i, Map.of(), null).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> json = send(limitedEdge, "GET", "/v1/products/p-9", Map.of(), null);
        assertThat(json.statusCode()).isEqualTo(429);
        assertThat(json.headers().firstValue("x-ratelimited")).hasValue("true");

        GrpcClientResponse<Buffer, Buffer> grpc = nativeCall(limitedEdge, GET_PRODUCT, getProduct("p-9").toByteArray(),
                0);
        assertThat(grpc.status()).isEqualTo(GrpcStatus.RESOURCE_EXHAUSTED);
    }

    @Test
    void givenAnyRequest_thenTheAccessLogHasAJsonLineWithItsRequestIdAndTraceparent() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpResponse<String> response = send(edge, "GET", "/v1/products/p-log", Map.of("traceparent", traceparent),
                null);
        String requestId = response.headers().firstValue("x-request-id").orElseThrow();

        JsonObject line = waitForLogLine(requestId);
        assertThat(line.getString("traceparent")).isEqualTo(traceparent);
        assertThat(line.getString("upstream")).isEqualTo("catalog-svc");
        assertThat(line.getString("status")).isEqualTo("200");
        assertThat(line.getString("grpc_status")).isEqualTo("OK");
        assertThat(line.getString("path")).isEqualTo("/v1/products/p-log");
    }

    private static JsonObject waitForLogLine(String requestId) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            for (String line : accessLog.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.contains(requestId)) {
                    return new JsonObject(line);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no access log line for " + requestId);
    }

    static DynamicMessage getProduct(String id) {
        MethodDescriptor get = method("GetProduct");
        return DynamicMessage.newBuilder(get.getInputType())
                .setField(get.getInputType().findFieldByName("product_id"), id).build();
    }

    static MethodDescriptor method(String name) {
        return api.bindings().stream().map(b -> b.method()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    static String productId(byte[] getProductResponse) throws Exception {
        DynamicMessage response = DynamicMessage.parseFrom(method("GetProduct").getOutputType(), getProductResponse);
        DynamicMessage product = (DynamicMessage) response
                .getField(response.getDescriptorForType().findFieldByName("product"));
        return (String) product.getField(product.getDescriptorForType().findFieldByName("id"));
    }

    static HttpResponse<String> send(Edge target, String method, String path, Map<String, String> headers, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(target, path))
                .method(method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (body != null) {
            request.header("content-type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI uri(Edge target, String path) {
        return URI.create("http://127.0.0.1:" + target.port() + path);
    }

    static GrpcClientResponse<Buffer, Buffer> nativeCall(Edge target, String path, byte[] message, long timeoutMillis)
            throws Exception {
        GrpcClient client = GrpcClient.client(vertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        try {
            return await(
                    client.request(SocketAddress.inetSocketAddress(target.port(), "127.0.0.1")).compose(request -> {
                        request.fullMethodName(path.substring(1));
                        if (timeoutMillis > 0) {
                            request.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
                        }
                        request.end(Buffer.buffer(message));
                        return request.response();
                    }).compose(response -> {
                        response.handler(ignored -> {
                        });
                        return response.end().recover(failure -> io.vertx.core.Future.succeededFuture())
                                .map(v -> response);
                    }));
        } finally {
            client.close();
        }
    }

    static <T> T await(io.vertx.core.Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }
}
