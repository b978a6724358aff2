package org.commercemesh.user.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.vertx.OnVertx;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.RegisterRequest;
import org.junit.jupiter.api.Test;

import io.grpc.Metadata;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.grpc.GrpcClientUtils;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

@QuarkusTest
@TestProfile(ThrottlingTest.TightClientLimits.class)
class ThrottlingTest {

    /** Per-client limits small enough to reach in a test; the per-account limit stays at its default of 5. */
    public static class TightClientLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("commerce.auth.login.max-failures-per-client", "8",
                    "commerce.auth.register.max-per-client", "3");
        }
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @GrpcClient("user")
    AuthService auth;

    @Test
    void givenTwentyParallelWrongPasswords_thenAtMostFiveAreCheckedAndTheRestThrottled() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        List<CompletableFuture<Status.Code>> attempts = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            Uni<?> attempt = fromClient(newClient()).login(LoginRequest.newBuilder()
                    .setEmail(ann.email()).setPassword("guess " + i).build());
            attempts.add(attempt.map(ok -> Status.Code.OK)
                    .onFailure().recoverWithItem(GrpcErrors::code)
                    .subscribeAsCompletionStage());
        }

        List<Status.Code> codes = attempts.stream().map(CompletableFuture::join).toList();
        assertThat(codes).filteredOn(code -> code == Status.Code.UNAUTHENTICATED).hasSizeLessThanOrEqualTo(5);
        assertThat(codes).filteredOn(code -> code == Status.Code.RESOURCE_EXHAUSTED).hasSizeGreaterThanOrEqualTo(15);
        assertThat(codes).containsOnly(Status.Code.UNAUTHENTICATED, Status.Code.RESOURCE_EXHAUSTED);
    }

    @Test
    void givenEightFailuresFromOneAddressAcrossAccounts_thenThatAddressIsThrottledAndOthersAreNot() {
        String client = newClient();
        for (int i = 0; i < 8; i++) {
            String someone = TestAccounts.uniqueEmail();
            assertThat(GrpcErrors.code(catchThrowable(() -> login(client, someone, "guess"))))
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
        }
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Throwable throttled = catchThrowable(() -> login(client, ann.email(), TestAccounts.PASSWORD));

        assertThat(GrpcErrors.code(throttled)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(GrpcErrors.retryInfo(throttled)).isPresent();
        login(newClient(), ann.email(), TestAccounts.PASSWORD);
    }

    @Test
    void givenThreeRegistrationsFromOneAddress_whenAFourthComes_thenItIsThrottledAndAnotherAddressIsNot() {
        String client = newClient();
        for (int i = 0; i < 3; i++) {
            register(client, TestAccounts.uniqueEmail());
        }

        Throwable throttled = catchThrowable(() -> register(client, TestAccounts.uniqueEmail()));

        assertThat(GrpcErrors.code(throttled)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        assertThat(GrpcErrors.retryInfo(throttled).orElseThrow().getRetryDelay().getSeconds()).isBetween(3500L, 3600L);
        register(newClient(), TestAccounts.uniqueEmail());
    }

    @Test
    void givenACallerWithoutForwardedFor_thenItsAttemptsCountAgainstItsOwnAddress() {
        String email = TestAccounts.uniqueEmail();

        catchThrowable(() -> auth.login(LoginRequest.newBuilder().setEmail(email).setPassword("guess").build())
                .await().atMost(WAIT));

        assertThat(OnVertx.await(() -> Panache.withSession(() -> AuthAttempt.<AuthAttempt>list(
                "scope = 'login-account' and subject = ?1", email)))).hasSize(1);
        assertThat(OnVertx.await(() -> Panache.withSession(() -> AuthAttempt.<AuthAttempt>list(
                "scope = 'login-client' and subject in ('127.0.0.1', '0:0:0:0:0:0:0:1')")))).isNotEmpty();
    }

    private void login(String client, String email, String password) {
        fromClient(client).login(LoginRequest.newBuilder().setEmail(email).setPassword(password).build()).await()
                .atMost(WAIT);
    }

    private void register(String client, String email) {
        fromClient(client).register(RegisterRequest.newBuilder().setEmail(email).setPassword(TestAccounts.PASSWORD)
                .setFirstName("Ann").build()).await().atMost(WAIT);
    }

    /** A documentation address (TEST-NET-3) of its own, as the edge would forward it. */
    private static String newClient() {
        int n = CLIENTS.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
    }

    private AuthService fromClient(String address) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("x-forwarded-for", Metadata.ASCII_STRING_MARSHALLER), "198.51.100.7, " + address);
        return GrpcClientUtils.attachHeaders(auth, headers);
    }
}
