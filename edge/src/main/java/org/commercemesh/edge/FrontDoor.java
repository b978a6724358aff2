package org.commercemesh.edge;

import java.util.UUID;

import org.commercemesh.edge.config.FrontDoorConfig;
import org.commercemesh.edge.cors.CorsPolicy;
import org.commercemesh.edge.json.JsonGateway;
import org.commercemesh.edge.log.AccessLog;
import org.commercemesh.edge.log.Exchange;
import org.commercemesh.edge.ratelimit.RateLimiter;
import org.commercemesh.edge.site.StaticSite;
import org.commercemesh.edge.trace.TraceParent;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.grpc.server.GrpcServer;

/**
 * Every request's way through the edge, in the order of envoy.yaml's connection manager and
 * filters: request id, trace context and x-forwarded-for, CORS (preflights answered here), the per-client rate
 * limit, then gRPC and grpc-web to the pass-through, the storefront's files when the edge serves
 * them, and everything else to the JSON transcoder.
 */
final class FrontDoor implements Handler<HttpServerRequest> {

    private static final String REQUEST_ID = "x-request-id";

    private final FrontDoorConfig config;
    private final GrpcServer grpc;
    private final JsonGateway json;
    private final RateLimiter rateLimiter;
    private final AccessLog accessLog;
    private final StaticSite site;

    FrontDoor(FrontDoorConfig config, GrpcServer grpc, JsonGateway json, RateLimiter rateLimiter, AccessLog accessLog,
            StaticSite site) {
        this.config = config;
        this.grpc = grpc;
        this.json = json;
        this.rateLimiter = rateLimiter;
        this.accessLog = accessLog;
        this.site = site;
    }

    @Override
    public void handle(HttpServerRequest request) {
        HttpServerResponse response = request.response();
        String client = request.remoteAddress().hostAddress();
        // An edge request: whatever x-request-id the client sent is replaced, as Envoy does
        // unless preserve_external_request_id is set.
        String requestId = config.generateRequestId() ? UUID.randomUUID().toString() : request.getHeader(REQUEST_ID);
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        request.headers().set(REQUEST_ID, requestId);
        // The edge starts the trace or continues the client's (Envoy's tracing does the same).
        String traceparent = request.getHeader(TraceParent.HEADER);
        if (!TraceParent.isValid(traceparent)) {
            request.headers().set(TraceParent.HEADER, TraceParent.continueOrStart(traceparent));
            request.headers().remove("tracestate");
        }
        if (config.useRemoteAddress()) {
            String forwarded = request.getHeader("x-forwarded-for");
            request.headers().set("x-forwarded-for",
                    forwarded == null || forwarded.isBlank() ? client : forwarded + ", " + client);
        }
        if (config.requestIdInResponse()) {
            response.putHeader(REQUEST_ID, requestId);
        }
        Exchange exchange = new Exchange(requestId, client, request.method().name(), request.uri(), request.headers());
        accessLog.opened(exchange);
        response.endHandler(v -> accessLog.closed(exchange, response.getStatusCode()));
        response.closeHandler(v -> accessLog.closed(exchange, 0));

        String origin = request.getHeader(HttpHeaders.ORIGIN);
        CorsPolicy cors = config.cors();
        if (request.method() == HttpMethod.OPTIONS && origin != null
                && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
            preflight(response, cors, origin);
            return;
        }
        cors.allowedOrigin(origin).ifPresent(allowed -> {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
            if (!cors.exposeHeaders().isEmpty()) {
                response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, cors.exposeHeaders());
            }
            if (cors.allowCredentials()) {
                response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            }
        });

        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        boolean grpcCall = contentType != null && contentType.startsWith("application/grpc");
        if (site != null && !grpcCall && site.serves(request)) {
            // The page's own files are not API calls: they spend none of the client's tokens.
            site.handle(request);
            return;
        }
        if (rateLimiter != null && !rateLimiter.tryAcquire(client)) {
            limited(request, response, grpcCall, exchange);
            return;
        }
        if (grpcCall && (config.grpcWeb() || !contentType.startsWith("application/grpc-web"))) {
            grpc.handle(request);
        } else if (json != null && !grpcCall) {
            json.handle(request);
        } else {
            response.setStatusCode(415).end();
        }
    }

    private static void preflight(HttpServerResponse response, CorsPolicy cors, String origin) {
        if (!cors.allows(origin)) {
            // No CORS headers: the browser refuses the actual request.
            response.setStatusCode(403).end();
            return;
        }
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, cors.allowMethods())
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, cors.allowHeaders())
                .putHeader(HttpHeaders.VARY, "Origin");
        if (!cors.maxAge().isEmpty()) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, cors.maxAge());
        }
        if (cors.allowCredentials()) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        response.setStatusCode(200).end();
    }

    /**
     * Envoy's local reply for a limited request: 429 "local_rate_limited" over HTTP, and for a
     * gRPC or grpc-web call a trailers-only answer with RESOURCE_EXHAUSTED (or UNAVAILABLE
     * without rate_limited_as_resource_exhausted).
     */
    private void limited(HttpServerRequest request, HttpServerResponse response, boolean grpcCall, Exchange exchange) {
        config.rateLimit().responseHeaders().forEach(response::putHeader);
        request.handler(chunk -> {
        });
        if (grpcCall) {
            int code = config.rateLimit().rateLimitedAsResourceExhausted() ? 8 : 14;
            exchange.grpcStatus(code);
            String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
            response.setStatusCode(200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                    .putHeader("grpc-status", String.valueOf(code))
                    .putHeader("grpc-message", "local_rate_limited")
                    .end();
            return;
        }
        response.setStatusCode(429).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain")
                .end(Buffer.buffer("local_rate_limited"));
    }
}
