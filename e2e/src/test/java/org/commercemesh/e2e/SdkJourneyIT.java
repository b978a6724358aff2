package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.UUID;

import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.catalog.v1.ListProductsRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.catalog.v1.SearchProductsRequest;
import org.commercemesh.order.v1.ListOrdersRequest;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.order.v1.UpdateOrderStatusRequest;
import org.commercemesh.sdk.CommerceClient;
import org.commercemesh.sdk.Credentials;
import org.commercemesh.sdk.errors.CommerceException;
import org.commercemesh.sdk.errors.InvalidArgumentException;
import org.commercemesh.sdk.errors.PermissionDeniedException;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.ApiClient;
import org.commercemesh.user.v1.ApiClientKind;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.commercemesh.user.v1.CreateApiClientRequest;
import org.commercemesh.user.v1.CreateApiClientResponse;
import org.commercemesh.user.v1.GetMeRequest;
import org.commercemesh.user.v1.RegisterRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Programs on the Java SDK (sdk/java), through the edge as partners reach the mesh: a person
 * who buys, an admin who issues a partner key, the partner's fulfilment program, tokens
 * renewed by the SDK itself, and refusals as typed exceptions.
 */
class SdkJourneyIT {

    private static final String PASSWORD = "correct horse battery";
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private static Mesh mesh;

    @BeforeAll
    static void startTheMesh() {
        mesh = Mesh.get();
    }

    private static CommerceClient client(Credentials credentials) {
        return CommerceClient.builder("127.0.0.1:" + mesh.edgePort()).plaintext().credentials(credentials).build();
    }

    private static String register(String prefix) {
        String email = prefix + "-" + UUID.randomUUID() + "@example.com";
        try (CommerceClient anonymous = client(Credentials.none())) {
            anonymous.authService().register(RegisterRequest.newBuilder().setEmail(email).setPassword(PASSWORD)
                    .setFirstName("Sam").build());
        }
        return email;
    }

    @Test
    void givenAPartnersKey_whenItsProgramFulfilsAPaidOrder_thenTheOrderIsShippedWithItsTrackingNumber()
            throws Exception {
        Order paid = buyOne();
        String admin = register("admin");
        try (Connection db = mesh.database("user-svc");
                PreparedStatement promote = db.prepareStatement("update app_user set role = 'ADMIN' where email = ?")) {
            promote.setString(1, admin);
            assertThat(promote.executeUpdate()).isEqualTo(1);
        }
        CreateApiClientResponse key;
        try (CommerceClient adminClient = client(Credentials.userLogin(admin, PASSWORD))) {
            key = adminClient.apiClientService()
                    .createApiClient(CreateApiClientRequest.newBuilder().setApiClient(ApiClient
                            .newBuilder().setDisplayName("Acme 3PL").setKind(ApiClientKind.API_CLIENT_KIND_PARTNER)
                            .addScopes("orders:fulfil").addScopes("catalog:read")).build());
        }

        try (CommerceClient partner = client(
                Credentials.clientCredentials(key.getApiClient().getClientId(), key.getClientSecret()))) {
            assertThat(partner.productService().listProducts(ListProductsRequest.newBuilder().setPageSize(5).build())
                    .getProductsList()).isNotEmpty();
            await().atMost(EVENTUALLY).until(() -> partner.orderService().listOrders(ListOrdersRequest.newBuilder()
                    .setStatus(OrderStatus.ORDER_STATUS_CONFIRMED).setPageSize(100).build()).getOrdersList().stream()
                    .anyMatch(o -> o.getId().equals(paid.getId())));
            partner.orderService().updateOrderStatus(UpdateOrderStatusRequest.newBuilder().setOrderId(paid.getId())
                    .setStatus(OrderStatus.ORDER_STATUS_PROCESSING).build());
            Order shipped = partner.orderService().updateOrderStatus(UpdateOrderStatusRequest.newBuilder()
                    .setOrderId(paid.getId()).setStatus(OrderStatus.ORDER_STATUS_SHIPPED)
                    .setTrackingNumber("TH123456789")
                    .build()).getOrder();

            assertThat(shipped.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_SHIPPED);
            assertThat(shipped.getTrackingNumber()).isEqualTo("TH123456789");
            assertThatThrownBy(() -> partner.orderService().placeOrder(PlaceOrderRequest.newBuilder()
                    .setRequestId(UUID.randomUUID().toString()).setPaymentToken("tok_visa").build()))
                    .as("a partner's token never acts as a person").isInstanceOf(PermissionDeniedException.class);
        }
    }

    @Test
    void givenAPersonsSession_whenTheSdkRenewsItsAccessToken_thenCallsGoOnWithTheRotatedSession() throws Exception {
        String email = register("renew");
        // Renew whenever the 15-minute token is older than about a second: every renewal below is real.
        try (CommerceClient sam = CommerceClient.builder("127.0.0.1:" + mesh.edgePort()).plaintext()
                .credentials(Credentials.userLogin(email, PASSWORD))
                .refreshAhead(Duration.ofMinutes(15).minusSeconds(1)).build()) {
            String first = sam.accessToken();
            Thread.sleep(1500);
            String second = sam.accessToken();
            Thread.sleep(1500);
            String third = sam.accessToken();

            assertThat(second).isNotEqualTo(first);
            assertThat(third).isNotEqualTo(second);
            assertThat(sam.userService().getMe(GetMeRequest.getDefaultInstance()).getUser().getEmail())
                    .isEqualTo(email);
        }
    }

    @Test
    void givenAnInvalidRegistration_thenTheSdkThrowsInvalidArgumentWithEveryFieldViolation() {
        try (CommerceClient anonymous = client(Credentials.none())) {
            assertThatThrownBy(() -> anonymous.authService().register(RegisterRequest.newBuilder()
                    .setEmail("not-an-address").setPassword("short").build()))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.fieldViolations())
                            .extracting(CommerceException.FieldViolation::field)
                            .containsExactlyInAnyOrder("email", "password", "first_name"));
        }
    }

    /** A person's purchase through the SDK: register, address, one in-stock tent, paid by card. */
    private static Order buyOne() {
        String email = register("buyer");
        try (CommerceClient buyer = client(Credentials.userLogin(email, PASSWORD))) {
            buyer.addressService().createAddress(CreateAddressRequest.newBuilder().setAddress(Address.newBuilder()
                    .setRecipientName("Sam").setLine1("3 Wireless Rd").setCity("Bangkok").setPostalCode("10330")
                    .setCountryCode("TH")).build());
            Product tent = buyer.productService()
                    .searchProducts(SearchProductsRequest.newBuilder().setQuery("camping tent")
                            .setFilter(ProductFilter.newBuilder().setInStockOnly(true)).build())
                    .getProducts(0);
            buyer.cartService()
                    .addCartItem(AddCartItemRequest.newBuilder().setProductId(tent.getId()).setQuantity(1).build());
            Order order = buyer.orderService().placeOrder(PlaceOrderRequest.newBuilder()
                    .setRequestId(UUID.randomUUID().toString()).setPaymentToken("tok_visa").build()).getOrder();
            assertThat(order.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_CONFIRMED);
            return order;
        }
    }
}
