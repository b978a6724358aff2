package org.commercemesh.user.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.time.Duration;

import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.GetMeRequest;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.UserService;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class LoginTest {

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    UserService users;

    @Test
    void givenARegisteredAccount_whenLoggingIn_thenTheAccessTokenOpensTheAccount() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        assertThat(ann.session().getTokenType()).isEqualTo("Bearer");
        assertThat(ann.session().getRefreshToken()).hasSizeGreaterThan(40);
        assertThat(ann.as(users).getMe(GetMeRequest.getDefaultInstance()).await().atMost(WAIT).getUser().getEmail())
                .isEqualTo(ann.email());
    }

    @Test
    void givenAnUnknownEmailOrAWrongPassword_whenLoggingIn_thenTheAnswersAreIdentical() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Throwable unknown = catchThrowable(() -> login(TestAccounts.uniqueEmail(), TestAccounts.PASSWORD));
        Throwable wrongPassword = catchThrowable(() -> login(ann.email(), "not the password"));

        assertThat(GrpcErrors.code(unknown)).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(GrpcErrors.code(wrongPassword)).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(Status.fromThrowable(unknown).getDescription())
                .isEqualTo(Status.fromThrowable(wrongPassword).getDescription());
    }

    @Test
    void givenFiveFailedLogins_whenTheRightPasswordIsTried_thenItIsThrottledWithRetryInfo() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        for (int i = 0; i < 5; i++) {
            assertThat(GrpcErrors.code(catchThrowable(() -> login(ann.email(), "guess " + System.nanoTime()))))
                    .isEqualTo(Status.Code.UNAUTHENTICATED);
        }

        Throwable throttled = catchThrowable(() -> login(ann.email(), TestAccounts.PASSWORD));

        assertThat(GrpcErrors.code(throttled)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
        long retrySeconds = GrpcErrors.retryInfo(throttled).orElseThrow().getRetryDelay().getSeconds();
        assertThat(retrySeconds).isBetween(Duration.ofMinutes(14).toSeconds(), Duration.ofMinutes(15).toSeconds());
    }

    @Test
    void givenFiveFailuresThatLeftTheWindow_whenLoggingIn_thenItSucceedsAgain() throws Throwable {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        for (int i = 0; i < 5; i++) {
            catchThrowable(() -> login(ann.email(), "guess " + System.nanoTime()));
        }
        assertThat(GrpcErrors.code(catchThrowable(() -> login(ann.email(), TestAccounts.PASSWORD))))
                .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

        ageFailures(ann.email(), Duration.ofMinutes(15).plusSeconds(1));

        assertThat(login(ann.email(), TestAccounts.PASSWORD).getSession().getUser().getEmail()).isEqualTo(ann.email());
    }

    @Test
    void givenFourFailures_whenTheRightPasswordIsTried_thenItSucceedsAndTheCountStartsAfresh() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        for (int i = 0; i < 4; i++) {
            catchThrowable(() -> login(ann.email(), "guess " + System.nanoTime()));
        }

        login(ann.email(), TestAccounts.PASSWORD);
        for (int i = 0; i < 4; i++) {
            catchThrowable(() -> login(ann.email(), "guess " + System.nanoTime()));
        }

        assertThat(login(ann.email(), TestAccounts.PASSWORD).getSession().getAccessToken()).isNotEmpty();
    }

    @Test
    void givenANulOrAnOverlongEmail_whenLoggingIn_thenInvalidArgumentNamesTheField() {
        Throwable nul = catchThrowable(() -> login("ann\u0000@example.com", TestAccounts.PASSWORD));
        Throwable overlong = catchThrowable(() -> login("a".repeat(300) + "@example.com", "x".repeat(200)));

        assertThat(GrpcErrors.code(nul)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.violatedFields(nul)).containsExactly("email");
        assertThat(GrpcErrors.violatedFields(overlong)).containsExactly("email", "password");
    }

    private org.commercemesh.user.v1.LoginResponse login(String email, String password) {
        return auth.login(LoginRequest.newBuilder().setEmail(email).setPassword(password).build()).await().atMost(WAIT);
    }

    /** Moves the account's recorded failures back in time, as if that much time had passed. */
    private static void ageFailures(String email, Duration age) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "update auth_attempt set attempted_at = attempted_at - make_interval(secs => :seconds) "
                                + "where scope = 'login-account' and subject = :key")
                        .setParameter("seconds", (double) age.toSeconds())
                        .setParameter("key", email)
                        .executeUpdate())));
    }
}
