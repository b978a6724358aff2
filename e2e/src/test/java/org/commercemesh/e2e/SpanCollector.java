package org.commercemesh.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Zipkin's span intake ({@code POST /api/v2/spans}, Zipkin v2 JSON) in the test JVM: the mesh's
 * services export their spans here as they export them to the Zipkin server {@code dev/mesh}
 * runs, and tests look for a request's trace among them.
 */
final class SpanCollector implements AutoCloseable {

    /** One span as Zipkin receives it. */
    record ReceivedSpan(String traceId, String id, String parentId, String name, String kind, String service) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    SpanCollector() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v2/spans", this::receive);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v2/spans";
    }

    /** Every span received so far of the trace {@code traceId}. */
    List<ReceivedSpan> trace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream raw = exchange.getRequestBody();
                InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(raw)
                        : raw) {
            JsonArray received = new JsonArray(
                    new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            for (int i = 0; i < received.size(); i++) {
                JsonObject span = received.getJsonObject(i);
                JsonObject local = span.getJsonObject("localEndpoint", new JsonObject());
                spans.add(new ReceivedSpan(span.getString("traceId"), span.getString("id"), span.getString("parentId"),
                        span.getString("name"), span.getString("kind", "INTERNAL"), local.getString("serviceName")));
            }
            exchange.sendResponseHeaders(202, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
