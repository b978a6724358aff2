package org.commercemesh.user;

import java.time.Duration;
import java.util.UUID;

import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.RegisterRequest;
import org.commercemesh.user.v1.Session;

/** Registers and signs in fresh accounts through the public API, as a client would. */
public final class TestAccounts {

    public static final Duration WAIT = Duration.ofSeconds(15);
    public static final String PASSWORD = "correct horse battery";

    private TestAccounts() {
    }

    public record SignedIn(UUID userId, String email, Session session) {

        public String accessToken() {
            return session.getAccessToken();
        }

        public <T> T as(T client) {
            return TestTokens.withToken(client, accessToken());
        }
    }

    public static String uniqueEmail() {
        return "shopper-" + UUID.randomUUID() + "@example.com";
    }

    public static SignedIn registerAndLogin(AuthService auth) {
        String email = uniqueEmail();
        auth.register(RegisterRequest.newBuilder().setEmail(email).setPassword(PASSWORD).setFirstName("Ann").build())
                .await().atMost(WAIT);
        return login(auth, email, PASSWORD);
    }

    public static SignedIn login(AuthService auth, String email, String password) {
        Session session = auth.login(LoginRequest.newBuilder().setEmail(email).setPassword(password).build())
                .await().atMost(WAIT).getSession();
        return new SignedIn(UUID.fromString(session.getUser().getId()), email, session);
    }
}
