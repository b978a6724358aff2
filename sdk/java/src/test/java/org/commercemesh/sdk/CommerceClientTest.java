package org.commercemesh.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.commercemesh.catalog.v1.CreateProductRequest;
import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.sdk.errors.CommerceException;
import org.commercemesh.sdk.errors.FailedPreconditionException;
import org.commercemesh.sdk.errors.InvalidArgumentException;
import org.commercemesh.sdk.errors.UnauthenticatedException;
import org.commercemesh.sdk.errors.UnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CommerceClientTest {

    FakeMesh mesh = new FakeMesh();
    int port;
    AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
    Clock clock = new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now.get();
        }
    };

    @BeforeEach
    void start() throws Exception {
        port = mesh.start();
    }

    @AfterEach
    void stop() {
        mesh.stop();
    }

    CommerceClient client(Credentials credentials) {
        return CommerceClient.builder("127.0.0.1:" + port).plaintext().credentials(credentials).clock(clock).build();
    }

    static GetProductRequest product(String id) {
        return GetProductRequest.newBuilder().setProductId(id).build();
    }

    @Test
    void givenClientCredentials_whenCalledTwice_thenOneExchangeServesBothCalls() {
        try (CommerceClient client = client(
                Credentials.clientCredentials(FakeMesh.CLIENT_ID, FakeMesh.CLIENT_SECRET))) {
            String first = client.productService().getProduct(product("p-1")).getProduct().getName();
            String second = client.productService().getProduct(product("p-2")).getProduct().getName();

            assertThat(first).isEqualTo(second).startsWith("Bearer client-");
            assertThat(mesh.exchanges).hasValue(1);
        }
    }

    @Test
    void givenATokenWithinAMinuteOfExpiry_thenTheClientExchangesAgainBeforeTheCall() {
        try (CommerceClient client = client(
                Credentials.clientCredentials(FakeMesh.CLIENT_ID, FakeMesh.CLIENT_SECRET))) {
            String first = client.productService().getProduct(product("p-1")).getProduct().getName();
            now.set(now.get().plus(Duration.ofMinutes(14).plusSeconds(1)));

            String later = client.productService().getProduct(product("p-1")).getProduct().getName();

            assertThat(later).isNotEqualTo(first);
            assertThat(mesh.exchanges).hasValue(2);
        }
    }

    @Test
    void givenTheMeshRevokesTheToken_thenTheCallIsMadeOnceMoreWithANewOne() {
        try (CommerceClient client = client(
                Credentials.clientCredentials(FakeMesh.CLIENT_ID, FakeMesh.CLIENT_SECRET))) {
            client.productService().getProduct(product("p-1"));
            mesh.validTokens.clear();

            assertThat(client.productService().getProduct(product("p-1")).getProduct().getId()).isEqualTo("p-1");
            assertThat(mesh.exchanges).hasValue(2);
            assertThat(mesh.calls("GetProduct")).isEqualTo(3);
        }
    }

    @Test
    void givenWrongClientCredentials_thenUnauthenticatedIsTyped() {
        try (CommerceClient client = client(Credentials.clientCredentials(FakeMesh.CLIENT_ID, "wrong"))) {
            assertThatThrownBy(() -> client.productService().getProduct(product("p-1")))
                    .isInstanceOf(UnauthenticatedException.class);
            assertThat(mesh.calls("GetProduct")).as("nothing is sent without a token").isZero();
        }
    }

    @Test
    void givenAPersonsLogin_whenTheAccessTokenNearsExpiry_thenTheRefreshTokenRenewsItWithoutLoggingInAgain() {
        try (CommerceClient client = client(Credentials.userLogin("ann@example.com", "correct horse battery"))) {
            String first = client.accessToken();
            now.set(now.get().plus(Duration.ofMinutes(15)));

            String renewed = client.accessToken();

            assertThat(renewed).isNotEqualTo(first);
            assertThat(mesh.logins).hasValue(1);
            assertThat(mesh.refreshes).hasValue(1);
        }
    }

    @Test
    void givenAPersonsSessionIsGone_thenTheClientLogsInAgain() {
        try (CommerceClient client = client(Credentials.userLogin("ann@example.com", "correct horse battery"))) {
            client.accessToken();
            mesh.validRefreshTokens.clear();
            now.set(now.get().plus(Duration.ofMinutes(15)));

            client.accessToken();

            assertThat(mesh.refreshes).hasValue(1);
            assertThat(mesh.logins).hasValue(2);
        }
    }

    @Test
    void givenAnInvalidRequest_thenInvalidArgumentCarriesEveryFieldViolation() {
        try (CommerceClient client = client(
                Credentials.clientCredentials(FakeMesh.CLIENT_ID, FakeMesh.CLIENT_SECRET))) {
            assertThatThrownBy(() -> client.productService().getProduct(product("")))
                    .isInstanceOfSatisfying(InvalidArgumentException.class, e -> assertThat(e.fieldViolations())
                            .containsExactly(new CommerceException.FieldViolation("product_id", "is required")));
        }
    }

    @Test
    void givenABusinessRule_thenFailedPreconditionCarriesTheReasonAndMetadata() {
        try (CommerceClient client = client(
                Credentials.clientCredentials(FakeMesh.CLIENT_ID, FakeMesh.CLIENT_SECRET))) {
            assertThatThrownBy(() -> client.productService().createProduct(CreateProductRequest.getDefaultInstance()))
                    .isInstanceOfSatisfying(FailedPreconditionException.class, e -> {
                        assertThat(e.reason()).hasValue("CATEGORY_ARCHIVED");
                        assertThat(e.metadata()).containsEntry("category_id", "c-1");
                    });
        }
    }

    @Test
    void givenTheMeshIsBrieflyUnavailable_thenAReadIsRetried_butAWriteIsNot() {
        try (CommerceClient client = client(
                Credentials.clientCredentials(FakeMesh.CLIENT_ID, FakeMesh.CLIENT_SECRET))) {
            client.accessToken();
            mesh.unavailableLeft.set(2);
            assertThat(client.productService().getProduct(product("p-1")).getProduct().getId()).isEqualTo("p-1");
            assertThat(mesh.calls("GetProduct")).isEqualTo(3);

            mesh.unavailableLeft.set(1);
            assertThatThrownBy(() -> client.productService().createProduct(CreateProductRequest.getDefaultInstance()))
                    .isInstanceOf(UnavailableException.class);
            assertThat(mesh.calls("CreateProduct")).isEqualTo(1);
        }
    }

    @Test
    void givenTheGeneratedClients_thenInternalRpcsAreNotPartOfTheSdk() {
        assertThat(GeneratedClients.METHODS).contains("commerce.order.v1.OrderService/PlaceOrder")
                .noneMatch(m -> m.startsWith("commerce.catalog.v1.InventoryService/"))
                .doesNotContain("commerce.catalog.v1.ProductService/BatchGetProducts",
                        "commerce.cart.v1.CartService/RedeemCoupon");
    }
}
