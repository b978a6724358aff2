package org.commercemesh.user.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.v1.ApiClient;
import org.commercemesh.user.v1.ApiClientKind;
import org.commercemesh.user.v1.ApiClientService;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.CreateApiClientRequest;
import org.commercemesh.user.v1.CreateApiClientResponse;
import org.commercemesh.user.v1.GetMeRequest;
import org.commercemesh.user.v1.IssueClientTokenRequest;
import org.commercemesh.user.v1.IssueClientTokenResponse;
import org.commercemesh.user.v1.ListApiClientsRequest;
import org.commercemesh.user.v1.RevokeApiClientRequest;
import org.commercemesh.user.v1.RotateApiClientSecretRequest;
import org.commercemesh.user.v1.UserService;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class ApiClientTest {

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    ApiClientService clients;

    @GrpcClient("user")
    UserService users;

    @Test
    void givenAPartnerCreatedByAnAdmin_whenItExchangesItsSecret_thenItsTokenNamesItsKindAndScopes() {
        CreateApiClientResponse created = createPartner("Acme feed", "catalog:write", "catalog:read");

        IssueClientTokenResponse issued = exchange(created.getApiClient().getClientId(), created.getClientSecret());

        JsonObject claims = claims(issued.getAccessToken());
        assertThat(claims.getString("sub")).isEqualTo(created.getApiClient().getClientId()).startsWith("partner-");
        assertThat(claims.getJsonArray("groups").getList()).containsExactly("partner");
        assertThat(claims.getString("scope")).isEqualTo("catalog:read catalog:write");
        assertThat(issued.getScope()).isEqualTo("catalog:read catalog:write");
        assertThat(created.getClientSecret()).hasSizeGreaterThanOrEqualTo(43);
    }

    @Test
    void givenAWrongOrUnknownSecret_thenTheAnswersAreTheSameUnauthenticated() {
        CreateApiClientResponse created = createPartner("Wrong secret", "orders:fulfil");

        Throwable wrong = catchThrowable(() -> exchange(created.getApiClient().getClientId(), "not-the-secret"));
        Throwable unknown = catchThrowable(() -> exchange("partner-nobody", created.getClientSecret()));

        assertThat(GrpcErrors.code(wrong)).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(Status.fromThrowable(wrong).getDescription())
                .isEqualTo(Status.fromThrowable(unknown).getDescription());
    }

    @Test
    void givenARotatedSecret_thenTheOldOneStopsAtOnceAndTheNewOneWorks() {
        CreateApiClientResponse created = createPartner("Rotating", "orders:fulfil");
        String clientId = created.getApiClient().getClientId();

        String rotated = asAdmin(clients).rotateApiClientSecret(RotateApiClientSecretRequest.newBuilder()
                .setClientId(clientId).build()).await().atMost(WAIT).getClientSecret();

        assertThat(GrpcErrors.code(catchThrowable(() -> exchange(clientId, created.getClientSecret()))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(exchange(clientId, rotated).getAccessToken()).isNotEmpty();
    }

    @Test
    void givenARevokedClient_thenItsSecretStopsAtOnceAndTheListShowsWhen() {
        CreateApiClientResponse created = createPartner("Revoked", "catalog:read");
        String clientId = created.getApiClient().getClientId();

        ApiClient revoked = asAdmin(clients)
                .revokeApiClient(RevokeApiClientRequest.newBuilder().setClientId(clientId).build())
                .await().atMost(WAIT).getApiClient();

        assertThat(revoked.hasRevokeTime()).isTrue();
        assertThat(GrpcErrors.code(catchThrowable(() -> exchange(clientId, created.getClientSecret()))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(asAdmin(clients).listApiClients(ListApiClientsRequest.newBuilder().setPageSize(100).build())
                .await().atMost(WAIT).getApiClientsList())
                .filteredOn(client -> client.getClientId().equals(clientId))
                .singleElement().satisfies(client -> assertThat(client.hasRevokeTime()).isTrue());
    }

    @Test
    void givenAServiceProvisionedFromConfiguration_whenItExchanges_thenItGetsTheServiceRole() {
        IssueClientTokenResponse issued = exchange("test-svc", "test-service-secret-of-at-least-32-characters");

        JsonObject claims = claims(issued.getAccessToken());
        assertThat(claims.getString("sub")).isEqualTo("test-svc");
        assertThat(claims.getJsonArray("groups").getList()).containsExactly("service");
    }

    @Test
    void givenAClientToken_whenItCallsAnRpcForSignedInUsers_thenPermissionDenied() {
        CreateApiClientResponse created = createPartner("Curious", "orders:fulfil");
        String token = exchange(created.getApiClient().getClientId(), created.getClientSecret()).getAccessToken();

        Throwable failure = catchThrowable(
                () -> TestTokens.withToken(users, token).getMe(GetMeRequest.getDefaultInstance())
                        .await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void givenACustomer_whenManagingApiClients_thenPermissionDenied() {
        ApiClientService asCustomer = TestTokens.withToken(clients, TestAccounts.registerAndLogin(auth).accessToken());

        Throwable failure = catchThrowable(
                () -> asCustomer.createApiClient(request("Sneaky", ApiClientKind.API_CLIENT_KIND_PARTNER,
                        "orders:fulfil")).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void givenInvalidClients_thenEveryViolationIsListed() {
        Throwable partner = catchThrowable(() -> asAdmin(clients).createApiClient(request(" ",
                ApiClientKind.API_CLIENT_KIND_PARTNER, "orders:everything")).await().atMost(WAIT));
        Throwable service = catchThrowable(() -> asAdmin(clients).createApiClient(request("Order Service",
                ApiClientKind.API_CLIENT_KIND_SERVICE, "catalog:read")).await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(partner)).containsExactly("api_client.display_name",
                "api_client.scopes[0]");
        assertThat(GrpcErrors.violatedFields(service)).containsExactly("api_client.display_name", "api_client.scopes");
    }

    private CreateApiClientResponse createPartner(String name, String... scopes) {
        return asAdmin(clients).createApiClient(request(name, ApiClientKind.API_CLIENT_KIND_PARTNER, scopes))
                .await().atMost(WAIT);
    }

    private static CreateApiClientRequest request(String name, ApiClientKind kind, String... scopes) {
        return CreateApiClientRequest.newBuilder()
                .setApiClient(ApiClient.newBuilder().setDisplayName(name).setKind(kind)
                        .addAllScopes(java.util.List.of(scopes)))
                .build();
    }

    private IssueClientTokenResponse exchange(String clientId, String secret) {
        return auth
                .issueClientToken(
                        IssueClientTokenRequest.newBuilder().setClientId(clientId).setClientSecret(secret).build())
                .await().atMost(WAIT);
    }

    private static <T> T asAdmin(T client) {
        return TestTokens.withToken(client, TestTokens.admin(UUID.randomUUID()));
    }

    private static JsonObject claims(String jwt) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
