package org.commercemesh.edge.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.commercemesh.edge.log.AccessLog;
import org.commercemesh.edge.log.Exchange;
import org.commercemesh.edge.route.Route;
import org.commercemesh.edge.route.RouteTable;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcStatus;
import io.vertx.grpc.server.GrpcServerRequest;
import io.vertx.grpc.server.GrpcServerResponse;

/**
 * Native gRPC and grpc-web calls (Vert.x's GrpcServer decodes both): routed by the gRPC path,
 * forwarded message by message without decoding them, and the service's headers, messages,
 * status and trailers (grpc-status-details-bin included) sent back. The response is relayed
 * under back-pressure: when the client reads slowly the upstream stream is paused.
 */
public final class GrpcPassThrough implements Handler<GrpcServerRequest<Buffer, Buffer>> {

    private static final Set<String> STATUS_TRAILERS = Set.of("grpc-status", "grpc-message");

    private final RouteTable routes;
    private final Upstreams upstreams;
    private final AccessLog accessLog;

    public GrpcPassThrough(RouteTable routes, Upstreams upstreams, AccessLog accessLog) {
        this.routes = routes;
        this.upstreams = upstreams;
        this.accessLog = accessLog;
    }

    @Override
    public void handle(GrpcServerRequest<Buffer, Buffer> request) {
        Exchange exchange = accessLog.find(request.headers().get("x-request-id"));
        GrpcServerResponse<Buffer, Buffer> response = request.response();
        String path = "/" + request.fullMethodName();
        Route route = routes.find(path).orElse(null);
        if (route == null || route.action() instanceof Route.DirectResponse) {
            // Envoy's local reply for an unrouted (or refused) gRPC path: 404 → UNIMPLEMENTED.
            finish(exchange, response, GrpcStatus.UNIMPLEMENTED, "no route for " + path);
            return;
        }
        Route.Forward forward = (Route.Forward) route.action();
        exchange.upstream(forward.cluster());
        List<GrpcMessage> messages = new ArrayList<>();
        request.messageHandler(messages::add);
        request.exceptionHandler(failure -> response.cancel());
        request.endHandler(v -> {
            UpstreamRequest call = new UpstreamRequest(forward, path, ForwardedHeaders.upstream(request.headers()),
                    messages, request.timeout());
            Relay relay = new Relay(exchange, call, response);
            upstreams.call(call).onComplete(relay::start, relay::fail);
        });
    }

    private static void finish(Exchange exchange, GrpcServerResponse<Buffer, Buffer> response, GrpcStatus status,
            String message) {
        exchange.grpcStatus(status.code);
        response.status(status);
        if (message != null && status != GrpcStatus.OK) {
            response.statusMessage(message);
        }
        response.end();
    }

    /** One upstream answer on its way back; it ends the client's call exactly once. */
    private static final class Relay {
        private final Exchange exchange;
        private final UpstreamRequest call;
        private final GrpcServerResponse<Buffer, Buffer> response;
        private final long started = System.nanoTime();
        private boolean finished;

        Relay(Exchange exchange, UpstreamRequest call, GrpcServerResponse<Buffer, Buffer> response) {
            this.exchange = exchange;
            this.call = call;
            this.response = response;
        }

        void start(GrpcClientResponse<Buffer, Buffer> reply) {
            ForwardedHeaders.copy(reply.headers(), response.headers());
            reply.messageHandler(message -> {
                response.writeMessage(message);
                if (response.writeQueueFull()) {
                    reply.pause();
                    response.drainHandler(v -> reply.resume());
                }
            });
            reply.exceptionHandler(this::fail);
            reply.endHandler(v -> {
                MultiMap trailers = reply.trailers();
                trailers.forEach(entry -> {
                    if (!STATUS_TRAILERS.contains(entry.getKey().toLowerCase())) {
                        response.trailers().add(entry.getKey(), entry.getValue());
                    }
                });
                String message = reply.statusMessage();
                if (message == null) {
                    message = StatusMessages.decode(trailers.get("grpc-message"));
                }
                end(reply.status(), message);
            });
        }

        void fail(Throwable failure) {
            UpstreamException error = UpstreamException.of(failure, call, started);
            end(error.status(), error.getMessage());
        }

        private void end(GrpcStatus status, String message) {
            if (!finished) {
                finished = true;
                finish(exchange, response, status, message);
            }
        }
    }
}
