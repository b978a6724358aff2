package org.commercemesh.testing.mail;

import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) in the test JVM, and the Quarkus Mailer pointed at it with
 * mocking off, so tests read what a mail client would have received.
 */
public class SmtpServerResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static int pausedPort;

    @Override
    public Map<String, String> start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.getSmtp().getPort()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Takes the server down, as an SMTP outage would; {@link #resume()} brings it back on the same port. */
    public static synchronized void pause() {
        pausedPort = server.getSmtp().getPort();
        server.stop();
    }

    public static synchronized void resume() {
        server = new GreenMail(new ServerSetup(pausedPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Every message the server has received so far. */
    public static List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }
}
