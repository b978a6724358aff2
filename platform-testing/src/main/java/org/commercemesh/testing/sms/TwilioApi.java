package org.commercemesh.testing.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server that speaks the part of Twilio's Messaging API the mesh uses:
 * {@code POST /2010-04-01/Accounts/{sid}/Messages.json} with basic auth and a form body. It
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

    private final HttpServer server;
    private final String accountSid;
    private final String authToken;
    private final List<Text> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean down;

    public TwilioApi(String accountSid, String authToken) {
        this.accountSid = accountSid;
        this.authToken = authToken;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
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
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                refused.incrementAndGet();
                reply(exchange, 503, "{\"code\":20500,\"message\":\"Service unavailable\",\"status\":503}");
                return;
            }
            String expectedPath = "/2010-04-01/Accounts/" + accountSid + "/Messages.json";
            if (!"POST".equals(exchange.getRequestMethod())
                    || !expectedPath.equals(exchange.getRequestURI().getPath())) {
                reply(exchange, 404,
                        "{\"code\":20404,\"message\":\"The requested resource was not found\",\"status\":404}");
                return;
            }
            String expectedAuth = "Basic " + Base64.getEncoder()
                    .encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
            if (!expectedAuth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, "{\"code\":20003,\"message\":\"Authenticate\",\"status\":401}");
                return;
            }
            Map<String, String> form = form(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String to = form.getOrDefault("To", "");
            if (!E164.matcher(to).matches()) {
                reply(exchange, 400, "{\"code\":21211,\"message\":\"The 'To' number " + to
                        + " is not a valid phone number.\",\"status\":400}");
                return;
            }
            accepted.add(new Text(to, form.getOrDefault("From", ""), form.getOrDefault("Body", "")));
            reply(exchange, 201, "{\"sid\":\"SM" + UUID.randomUUID().toString().replace("-", "")
                    + "\",\"status\":\"queued\",\"to\":\"" + to + "\"}");
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
