package org.commercemesh.edge.site;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

/**
 * The storefront's built files (web/dist), served by the local edge beside the API so the
 * page and its grpc-web calls share one origin. A local convenience outside envoy.yaml: in
 * production the storefront is static hosting of its own, allowed by the CORS policy.
 * Everything under /v1/ and every gRPC path stays the API's.
 */
public final class StaticSite {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json",
            "woff2", "font/woff2");

    private final Path root;

    public StaticSite(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public boolean serves(HttpServerRequest request) {
        return (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)
                && !request.path().startsWith("/v1/") && !request.path().startsWith("/commerce.")
                && !request.path().startsWith("/grpc.");
    }

    public void handle(HttpServerRequest request) {
        String path = URLDecoder.decode(request.path().replace("+", "%2B"), StandardCharsets.UTF_8);
        Path file = root.resolve(path.equals("/") ? "index.html" : path.substring(1)).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            request.response().setStatusCode(404).end();
            return;
        }
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        // Vite names assets by content hash: they never change; the page itself always may.
        String cache = root.relativize(file).startsWith("assets") ? "public, max-age=31536000, immutable" : "no-cache";
        request.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, TYPES.getOrDefault(extension, "application/octet-stream"))
                .putHeader(HttpHeaders.CACHE_CONTROL, cache)
                .putHeader("x-content-type-options", "nosniff")
                .sendFile(file.toString());
    }
}
