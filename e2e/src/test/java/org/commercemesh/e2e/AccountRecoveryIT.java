package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.commercemesh.testing.mail.Mailbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/**
 * Account recovery from outside, as a person with a mail client and a partner with curl see it:
 * the links user-svc e-mails through real SMTP, opened against the edge's JSON API.
 */
class AccountRecoveryIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private static Mesh mesh;

    @BeforeAll
    static void startTheMesh() {
        mesh = Mesh.get();
    }

    @Test
    void givenARegisteredShopper_whenTheyVerifyTheirAddressAndLaterResetTheirPassword_thenOnlyTheNewOneSignsIn() {
        JsonOverHttp anonymous = new JsonOverHttp(mesh.edge(), null);
        String email = "recovery-" + UUID.randomUUID() + "@example.com";
        anonymous.post("/v1/auth:register", new JsonObject().put("email", email).put("password", PASSWORD)
                .put("firstName", "Rae"));
        JsonObject session = anonymous.post("/v1/auth:login", new JsonObject().put("email", email)
                .put("password", PASSWORD)).body().getJsonObject("session");

        JsonOverHttp.Reply verified = anonymous.post("/v1/auth:verifyEmail",
                new JsonObject().put("token", Mailbox.linkToken(awaitMail(email, "Confirm your e-mail address"))));
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().getJsonObject("user").getBoolean("emailVerified")).isTrue();

        assertThat(anonymous.post("/v1/auth:requestPasswordReset", new JsonObject().put("email", email)).status())
                .isEqualTo(200);
        MimeMessage reset = awaitMail(email, "Reset your password");
        assertThat(Mailbox.text(reset)).contains("/#/reset-password?token=");
        assertThat(anonymous.post("/v1/auth:resetPassword", new JsonObject().put("token", Mailbox.linkToken(reset))
                .put("newPassword", NEW_PASSWORD)).status()).isEqualTo(200);

        assertThat(anonymous.post("/v1/auth:login", new JsonObject().put("email", email).put("password", PASSWORD))
                .status()).isEqualTo(401);
        assertThat(anonymous.post("/v1/auth:login", new JsonObject().put("email", email)
                .put("password", NEW_PASSWORD)).status()).isEqualTo(200);
        assertThat(anonymous.post("/v1/auth:refresh", new JsonObject().put("refreshToken",
                session.getString("refreshToken"))).status()).as("sessions from before the reset").isEqualTo(401);
    }

    @Test
    void givenAnAddressWithoutAnAccount_whenAResetIsAskedFor_thenTheAnswerIsTheSameAsForAnAccount() {
        JsonOverHttp anonymous = new JsonOverHttp(mesh.edge(), null);

        JsonOverHttp.Reply unknown = anonymous.post("/v1/auth:requestPasswordReset",
                new JsonObject().put("email", "nobody-" + UUID.randomUUID() + "@example.com"));

        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo(new JsonObject());
    }

    private static MimeMessage awaitMail(String email, String subject) {
        await().atMost(EVENTUALLY).until(() -> Mailbox.to(email, subject).size() == 1);
        return Mailbox.to(email, subject).get(0);
    }
}
