package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.cart.v1.AddCartItemResponse;
import org.commercemesh.catalog.v1.BatchGetProductsRequest;
import org.commercemesh.catalog.v1.BatchGetProductsResponse;
import org.commercemesh.catalog.v1.GetStockRequest;
import org.commercemesh.catalog.v1.GetStockResponse;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.catalog.v1.SearchProductsRequest;
import org.commercemesh.catalog.v1.SearchProductsResponse;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PaymentStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.order.v1.PlaceOrderResponse;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.commercemesh.user.v1.CreateAddressResponse;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.LoginResponse;
import org.commercemesh.user.v1.RegisterRequest;
import org.commercemesh.user.v1.RegisterResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The mesh from outside, through its front door (edge/, driven by envoy/envoy.yaml) the way a
 * partner with curl and a web page see it: JSON over HTTP and grpc-web, CORS, the per-client
 * rate limit, errors as google.rpc.Status, internal RPCs out of reach.
 */
class EdgeJourneyIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct horse battery";

    private static Mesh mesh;

    @BeforeAll
    static void startTheMesh() {
        mesh = Mesh.get();
    }

    @Test
    void givenAPartnerWithJsonOnly_whenTheyBuyThroughTheEdge_thenTheOrderIsConfirmedAndTheCartEmpties() {
        JsonOverHttp anonymous = new JsonOverHttp(mesh.edge(), null);
        String email = "json-" + UUID.randomUUID() + "@example.com";
        assertThat(anonymous.post("/v1/auth:register", new JsonObject().put("email", email).put("password", PASSWORD)
                .put("firstName", "Jay")).status()).isEqualTo(200);
        JsonOverHttp.Reply login = anonymous.post("/v1/auth:login",
                new JsonObject().put("email", email).put("password", PASSWORD));
        JsonOverHttp jay = anonymous.as(login.body().getJsonObject("session").getString("accessToken"));
        assertThat(jay.post("/v1/me/addresses", new JsonObject().put("recipientName", "Jay").put("line1", "5 Silom Rd")
                .put("city", "Bangkok").put("postalCode", "10500").put("countryCode", "TH")).status()).isEqualTo(200);
        JsonArray tents = anonymous.get("/v1/products:search?query=camping%20tent&filter.inStockOnly=true&pageSize=3")
                .body().getJsonArray("products");
        String productId = tents.getJsonObject(0).getString("id");
        JsonOverHttp.Reply added = jay.post("/v1/cart/items",
                new JsonObject().put("productId", productId).put("quantity", 1));
        assertThat(added.status()).isEqualTo(200);

        JsonOverHttp.Reply placed = jay.post("/v1/orders",
                new JsonObject().put("requestId", UUID.randomUUID().toString())
                        .put("paymentToken", "tok_visa"));

        assertThat(placed.status()).isEqualTo(200);
        JsonObject order = placed.body().getJsonObject("order");
        assertThat(order.getString("status")).isEqualTo("ORDER_STATUS_CONFIRMED");
        assertThat(order.getString("paymentStatus")).isEqualTo("PAYMENT_STATUS_PAID");
        JsonOverHttp.Reply read = jay.get("/v1/orders/" + order.getString("id"));
        assertThat(read.body().getJsonObject("order").getString("orderNumber"))
                .isEqualTo(order.getString("orderNumber"));
        await().atMost(EVENTUALLY)
                .until(() -> jay.get("/v1/cart").body().getJsonObject("cart").getJsonArray("items").isEmpty());
    }

    @Test
    void givenAWebPageSpeakingGrpcWeb_whenItBuysThroughTheEdge_thenEveryCallSucceedsWithCorsHeaders() {
        GrpcWeb anonymous = new GrpcWeb(mesh.edge(), null);
        String email = "web-" + UUID.randomUUID() + "@example.com";
        GrpcWeb.Reply<RegisterResponse> registered = anonymous.call("commerce.user.v1.AuthService/Register",
                RegisterRequest.newBuilder().setEmail(email).setPassword(PASSWORD).setFirstName("Wen").build(),
                RegisterResponse.parser());
        assertThat(registered.grpcStatus()).isZero();
        assertThat(registered.raw().headers().firstValue("access-control-allow-origin")).hasValue(GrpcWeb.ORIGIN);
        String token = anonymous.call("commerce.user.v1.AuthService/Login",
                LoginRequest.newBuilder().setEmail(email).setPassword(PASSWORD).build(), LoginResponse.parser())
                .message().getSession().getAccessToken();
        GrpcWeb wen = anonymous.as(token);
        assertThat(wen.call("commerce.user.v1.AddressService/CreateAddress", CreateAddressRequest.newBuilder()
                .setAddress(Address.newBuilder().setRecipientName("Wen").setLine1("7 Sathorn Rd").setCity("Bangkok")
                        .setPostalCode("10120").setCountryCode("TH"))
                .build(), CreateAddressResponse.parser()).grpcStatus()).isZero();
        String productId = anonymous.call("commerce.catalog.v1.ProductService/SearchProducts",
                SearchProductsRequest.newBuilder()
                        .setQuery("camping tent").setFilter(ProductFilter.newBuilder().setInStockOnly(true)).build(),
                SearchProductsResponse.parser()).message().getProducts(0).getId();
        assertThat(wen.call("commerce.cart.v1.CartService/AddCartItem", AddCartItemRequest.newBuilder()
                .setProductId(productId).setQuantity(1).build(), AddCartItemResponse.parser()).grpcStatus()).isZero();

        GrpcWeb.Reply<PlaceOrderResponse> placed = wen.call("commerce.order.v1.OrderService/PlaceOrder",
                PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString()).setPaymentToken("tok_visa")
                        .build(),
                PlaceOrderResponse.parser());

        assertThat(placed.grpcStatus()).isZero();
        assertThat(placed.message().getOrder().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
        assertThat(placed.message().getOrder().getPaymentStatus()).isEqualTo(PaymentStatus.PAYMENT_STATUS_PAID);
    }

    @Test
    void givenAnInvalidRequest_thenJsonGets400WithEveryFieldViolation_andGrpcWebGetsInvalidArgument() {
        JsonOverHttp.Reply json = new JsonOverHttp(mesh.edge(), null).post("/v1/auth:register",
                new JsonObject().put("email", "not-an-address").put("password", "short"));

        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body().getInteger("code")).isEqualTo(3);
        JsonObject detail = json.body().getJsonArray("details").getJsonObject(0);
        assertThat(detail.getString("@type")).isEqualTo("type.googleapis.com/google.rpc.BadRequest");
        assertThat(detail.getJsonArray("fieldViolations").stream().map(v -> ((JsonObject) v).getString("field")))
                .contains("email", "password", "first_name");

        GrpcWeb.Reply<RegisterResponse> web = new GrpcWeb(mesh.edge(), null).call(
                "commerce.user.v1.AuthService/Register",
                RegisterRequest.newBuilder().setEmail("not-an-address").build(), RegisterResponse.parser());
        assertThat(web.grpcStatus()).isEqualTo(3);
    }

    @Test
    void givenInternalRpcs_thenTheEdgeRefusesThemEvenWithAServiceToken() {
        GrpcWeb asAService = new GrpcWeb(mesh.edge(), mesh.serviceToken("order-svc"));

        GrpcWeb.Reply<GetStockResponse> stock = asAService.call("commerce.catalog.v1.InventoryService/GetStock",
                GetStockRequest.getDefaultInstance(), GetStockResponse.parser());
        GrpcWeb.Reply<BatchGetProductsResponse> batch = asAService.call(
                "commerce.catalog.v1.ProductService/BatchGetProducts",
                BatchGetProductsRequest.getDefaultInstance(), BatchGetProductsResponse.parser());

        assertThat(stock.grpcStatus()).as("UNIMPLEMENTED: no route").isEqualTo(12);
        assertThat(batch.grpcStatus()).isEqualTo(12);
        assertThat(new JsonOverHttp(mesh.edge(), mesh.serviceToken("order-svc")).get("/v1/inventory").status())
                .isEqualTo(404);
    }

    @Test
    void givenCorsPreflights_thenAnAllowedOriginIsAnswered_andAnyOtherGetsNoCorsHeaders() throws Exception {
        HttpResponse<String> allowed = preflight(GrpcWeb.ORIGIN);
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("access-control-allow-origin")).hasValue(GrpcWeb.ORIGIN);
        assertThat(allowed.headers().firstValue("access-control-allow-headers").orElseThrow()).contains("x-grpc-web");

        HttpResponse<String> refused = preflight("https://shop.evil.example");
        assertThat(refused.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void givenABurstOverOneClientsBucket_thenTheEdgeAnswers429_andOtherClientsAreUnaffected() throws Exception {
        int limited = 0;
        int served = 0;
        String lastLimited = "";
        // 127.0.0.2 is this machine too, but another client address: its own bucket. The path has
        // no mapping, so the edge answers 404 itself, fast enough to outrun the refill; every
        // request still spends a token, as in Envoy where the limit comes before routing.
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", mesh.edgePort()), 5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < 300; i++) {
                out.write(("GET /v1/no-such-thing HTTP/1.1\r\nhost: edge\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                skipBody(in, head);
                if (head.startsWith("HTTP/1.1 429")) {
                    limited++;
                    lastLimited = head;
                } else if (head.startsWith("HTTP/1.1 404")) {
                    served++;
                }
            }
        }

        assertThat(limited).isPositive();
        assertThat(served).isBetween(100, 299);
        assertThat(lastLimited.toLowerCase()).contains("x-ratelimited: true");
        assertThat(new JsonOverHttp(mesh.edge(), null).get("/v1/categories:tree").status()).isEqualTo(200);
    }

    private static HttpResponse<String> preflight(String origin) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(mesh.edge().resolve("/commerce.order.v1.OrderService/PlaceOrder"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("origin", origin)
                        .header("access-control-request-method", "POST")
                        .header("access-control-request-headers", "content-type,x-grpc-web,authorization")
                        .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the edge closed the connection");
            }
            head.append((char) next);
        }
        return head.toString();
    }

    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
                return;
            }
        }
        throw new IOException("no content-length in " + head);
    }
}
