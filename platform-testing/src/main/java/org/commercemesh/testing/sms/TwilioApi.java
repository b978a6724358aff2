package org.commercemesh.testing.sms;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commercemesh.testing.http.LocalHttpServer;

import com.sun.net.httpserver.HttpExchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A local HTTP server that speaks the part of Twilio's Messaging API the mesh uses:
 * {@code POST /2010-04-01/Accounts/{sid}/Messages.json} with basic auth and a form body, and
 * {@code GET} of the same path to list what was sent. It
 * answers as Twilio does (201 with a message resource; 401 code 20003 for wrong credentials;
 * 400 code 21211 for a number that is not E.164) and keeps what it accepted. {@link #outage}
 * makes it answer 503 until ended.
 */
public final class TwilioApi implements AutoCloseable {

    /** A text the gateway accepted. */
    public record Text(String to, String from, String body) {
    }

    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final LocalHttpServer server;
    private final String accountSid;
    private final String authToken;
    private final List<Text> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;

    public TwilioApi(String accountSid, String authToken) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        server = new LocalHttpServer("/", this::handle);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public List<Text> accepted() {
        return List.copyOf(accepted);
    }

    public List<Text> acceptedFor(String phone) {
        return accepted.stream().filter(text -> text.to().equals(phone)).toList();
    }

    /** The 6-digit code in the latest text to {@code phone}, as its owner would read it. */
    public String lastCodeTo(String phone) {
        List<Text> texts = acceptedFor(phone);
        Matcher code = CODE.matcher(texts.isEmpty() ? "" : texts.get(texts.size() - 1).body());
        if (!code.find()) {
            throw new AssertionError("no code in the texts to " + phone + ": " + texts);
        }
        return code.group(1);
    }

    /** How many requests an outage has turned away so far. */
    public int refusedInOutages() {
        return refused.get();
    }

    /** While true, every request gets 503, as during a provider outage. */
    public void outage(boolean down) {
        this.down = down;
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * Twilio's message list, newest first, optionally {@code ?To=}: how a test outside this JVM
     * (the storefront's, in Node) reads the code a person would see on their phone.
     */
    private void list(HttpExchange exchange) throws IOException {
        String to = LocalHttpServer.form(exchange.getRequestURI().getRawQuery()).get("To");
        JsonArray messages = new JsonArray();
        List<Text> texts = accepted();
        for (int i = texts.size() - 1; i >= 0; i--) {
            Text text = texts.get(i);
            if (to == null || to.equals(text.to())) {
                messages.add(new JsonObject().put("to", text.to()).put("from", text.from()).put("body", text.body())
                        .put("status", "delivered"));
            }
        }
        LocalHttpServer.reply(exchange, 200, new JsonObject().put("messages", messages).encode());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                refused.incrementAndGet();
                LocalHttpServer.reply(exchange, 503,
                        "{\"code\":20500,\"message\":\"Service unavailable\",\"status\":503}");
                return;
            }
            String expectedPath = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
            String method = exchange.getRequestMethod();
            if (!("POST".equals(method) || "GET".equals(method))
                    || !expectedPath.equals(exchange.getRequestURI().getPath())) {
                LocalHttpServer.reply(exchange, 404,
                        "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
                return;
            }
            String expectedAuth = "Basic " + Base64.getEncoder()
                    .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                LocalHttpServer.reply(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
                return;
            }
            if ("GET".equals(method)) {
                list(exchange);
                return;
            }
            Map<String, String> form = LocalHttpServer.form(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String to = form.getOrDefault("To", "");
            if (!E164.matcher(to).matches()) {
                LocalHttpServer.reply(exchange, 400, "{\"code\":21211,\"message\":\"The 'To' number " + to
                        + " is not a valid phone number.\",\"status\":400}");
                return;
            }
            accepted.add(new Text(to, form.getOrDefault("From", ""), form.getOrDefault("Body", "")));
            LocalHttpServer.reply(exchange, 201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                    + "\",\"status\":\"queued\",\"to\":\"" + to + "\"}");
        }
    }
}
