package org.commercemesh.user;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.sms.TwilioApiResource;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.ConfirmPhoneVerificationRequest;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.RegisterRequest;
import org.commercemesh.user.v1.Session;
import org.commercemesh.user.v1.StartPhoneVerificationRequest;
import org.commercemesh.user.v1.UserService;

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

    /** A phone number no other test uses, in E.164. */
    public static String uniquePhone() {
        return "+6681" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    /** Verifies a fresh phone for {@code who} with the code the SMS gateway received; texts are then on. */
    public static String verifyPhone(SignedIn who, UserService users) {
        String phone = uniquePhone();
        who.as(users).startPhoneVerification(StartPhoneVerificationRequest.newBuilder().setPhone(phone).build())
                .await().atMost(WAIT);
        who.as(users).confirmPhoneVerification(ConfirmPhoneVerificationRequest.newBuilder()
                .setCode(textedCode(phone)).build()).await().atMost(WAIT);
        return phone;
    }

    /** The code in the latest text the gateway accepted for {@code phone}. */
    public static String textedCode(String phone) {
        return TwilioApiResource.api().lastCodeTo(phone);
    }
}
