package org.commercemesh.user.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.commercemesh.audit.v1.AuditEntry;
import org.commercemesh.audit.v1.AuditLogService;
import org.commercemesh.audit.v1.ListAuditEntriesRequest;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.ApiClient;
import org.commercemesh.user.v1.ApiClientKind;
import org.commercemesh.user.v1.ApiClientService;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.CreateApiClientRequest;
import org.commercemesh.user.v1.RefreshTokenRequest;
import org.commercemesh.user.v1.RevokeApiClientRequest;
import org.commercemesh.user.v1.Role;
import org.commercemesh.user.v1.SetUserRoleRequest;
import org.commercemesh.user.v1.UserService;
import org.junit.jupiter.api.Test;

import io.grpc.Metadata;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class AuditLogTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    UserService users;

    @GrpcClient("user")
    ApiClientService clients;

    @GrpcClient("user")
    AuditLogService log;

    private final UUID admin = UUID.randomUUID();

    @Test
    void givenAnAdminMakesAnotherAdmin_thenTheEntrySaysWhoWhatWhenBeforeAfterAndTheRequestId() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-request-id", Metadata.ASCII_STRING_MARSHALLER), "req-" + admin);

        GrpcClientUtils.attachHeaders(TestTokens.withToken(users, TestTokens.admin(admin)), headers)
                .setUserRole(SetUserRoleRequest.newBuilder().setUserId(ann.userId().toString())
                        .setRole(Role.ROLE_ADMIN).build())
                .await().atMost(WAIT);

        AuditEntry entry = awaitOne(ListAuditEntriesRequest.newBuilder().setResourceId(ann.userId().toString())
                .setActionPrefix("user.").build());
        assertThat(entry.getActor()).isEqualTo(admin.toString());
        assertThat(entry.getActorRolesList()).containsExactly("admin");
        assertThat(entry.getAction()).isEqualTo("user.role_change");
        assertThat(entry.getResourceType()).isEqualTo("user");
        assertThat(entry.getService()).isEqualTo("user-svc");
        assertThat(entry.getRequestId()).isEqualTo("req-" + admin);
        assertThat(entry.getClientAddress()).isNotEmpty();
        assertThat(entry.getBefore().getFieldsOrThrow("roles").getListValue().getValues(0).getStringValue())
                .isEqualTo("ROLE_CUSTOMER");
        assertThat(entry.getAfter().getFieldsOrThrow("roles").getListValue().getValues(0).getStringValue())
                .isEqualTo("ROLE_ADMIN");
        assertThat(entry.getAfter().getFieldsOrThrow("email").getStringValue()).isEqualTo(ann.email());
    }

    @Test
    void givenAnEntry_whenAnyoneTriesToChangeOrDeleteIt_thenPostgresqlRefuses() throws Throwable {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        asAdmin(users).setUserRole(SetUserRoleRequest.newBuilder().setUserId(ann.userId().toString())
                .setRole(Role.ROLE_ADMIN).build()).await().atMost(WAIT);
        AuditEntry entry = awaitOne(ListAuditEntriesRequest.newBuilder().setResourceId(ann.userId().toString())
                .build());

        for (String statement : List.of("update audit_entry set actor = 'someone else' where id = cast(:id as uuid)",
                "delete from audit_entry where id = cast(:id as uuid)")) {
            Throwable refused = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                            .createNativeQuery(statement).setParameter("id", entry.getId()).executeUpdate()))));
            assertThat(refused).as(statement).hasStackTraceContaining("the audit log is append-only");
        }
        assertThat(awaitOne(ListAuditEntriesRequest.newBuilder().setResourceId(ann.userId().toString()).build()))
                .isEqualTo(entry);
    }

    @Test
    void givenApiClientChanges_thenTheyAreListedNewestFirst_filteredAndPaged() {
        ApiClient created = asAdmin(clients).createApiClient(CreateApiClientRequest.newBuilder()
                .setApiClient(ApiClient.newBuilder().setDisplayName("Audit 3PL")
                        .setKind(ApiClientKind.API_CLIENT_KIND_PARTNER).addScopes("orders:fulfil"))
                .build()).await().atMost(WAIT).getApiClient();
        asAdmin(clients).revokeApiClient(RevokeApiClientRequest.newBuilder().setClientId(created.getClientId())
                .build()).await().atMost(WAIT);
        ListAuditEntriesRequest mine = ListAuditEntriesRequest.newBuilder().setActor(admin.toString())
                .setActionPrefix("api_client.").setResourceType("api_client").setPageSize(1).build();

        await().atMost(EVENTUALLY).until(() -> list(mine.toBuilder().setPageSize(10).build()).size() == 2);
        var first = asAdmin(log).listAuditEntries(mine).await().atMost(WAIT);
        var second = asAdmin(log).listAuditEntries(mine.toBuilder().setPageToken(first.getNextPageToken()).build())
                .await().atMost(WAIT);

        assertThat(first.getEntries(0).getAction()).isEqualTo("api_client.revoke");
        assertThat(first.getEntries(0).getBefore().containsFields("revoke_time")).isFalse();
        assertThat(first.getEntries(0).getAfter().containsFields("revoke_time")).isTrue();
        assertThat(second.getEntries(0).getAction()).isEqualTo("api_client.create");
        assertThat(second.getEntries(0).hasBefore()).isFalse();
        assertThat(second.getNextPageToken()).isEmpty();
    }

    @Test
    void givenARotatedRefreshTokenPresentedAgain_thenTheReuseIsAuditedAgainstItsOwner() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        RefreshTokenRequest old = RefreshTokenRequest.newBuilder()
                .setRefreshToken(ann.session().getRefreshToken()).build();
        auth.refreshToken(old).await().atMost(WAIT);

        catchThrowable(() -> auth.refreshToken(old).await().atMost(WAIT));

        AuditEntry entry = awaitOne(ListAuditEntriesRequest.newBuilder().setResourceId(ann.userId().toString())
                .setActionPrefix("security.").build());
        assertThat(entry.getAction()).isEqualTo("security.refresh_token_reuse");
        assertThat(entry.getActor()).isEqualTo(ann.userId().toString());
    }

    @Test
    void givenTheFailedLoginThatLocksAnAccount_thenOneLockoutIsAudited() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        for (int i = 0; i < 7; i++) {
            catchThrowable(() -> TestAccounts.login(auth, ann.email(), "not the password"));
        }

        AuditEntry entry = awaitOne(ListAuditEntriesRequest.newBuilder().setResourceId(ann.email()).build());
        assertThat(entry.getAction()).isEqualTo("security.login_lockout");
        assertThat(entry.getActor()).isEqualTo("system");
    }

    @Test
    void givenACustomerOrBadFilters_thenTheLogIsNotServed() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        assertThat(GrpcErrors.code(catchThrowable(() -> ann.as(log).listAuditEntries(
                ListAuditEntriesRequest.getDefaultInstance()).await().atMost(WAIT))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcErrors.violatedFields(catchThrowable(() -> asAdmin(log).listAuditEntries(
                ListAuditEntriesRequest.newBuilder().setPageSize(1000).setPageToken("garbage")
                        .setActionPrefix("x".repeat(500)).build())
                .await().atMost(WAIT))))
                .contains("page_size", "action_prefix");
    }

    private AuditEntry awaitOne(ListAuditEntriesRequest request) {
        await().atMost(EVENTUALLY).until(() -> list(request).size() == 1);
        return list(request).get(0);
    }

    private List<AuditEntry> list(ListAuditEntriesRequest request) {
        return asAdmin(log).listAuditEntries(request).await().atMost(WAIT).getEntriesList();
    }

    private <T> T asAdmin(T client) {
        return TestTokens.withToken(client, TestTokens.admin(admin));
    }
}
