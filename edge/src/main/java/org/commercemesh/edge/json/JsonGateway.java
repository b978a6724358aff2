package org.commercemesh.edge.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.commercemesh.edge.grpc.ForwardedHeaders;
import org.commercemesh.edge.grpc.StatusMessages;
import org.commercemesh.edge.grpc.UpstreamException;
import org.commercemesh.edge.grpc.UpstreamRequest;
import org.commercemesh.edge.grpc.Upstreams;
import org.commercemesh.edge.log.AccessLog;
import org.commercemesh.edge.log.Exchange;
import org.commercemesh.edge.route.Route;
import org.commercemesh.edge.route.RouteTable;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcMessage;
import io.vertx.grpc.common.GrpcStatus;

/**
 * JSON over HTTP, transcoded here rather than by Vert.x's tech-preview transcoder, which sends
 * errors without a body, needs {@code content-type: application/json} even on a GET and cannot
 * share a server with a catch-all handler. A request is matched to its google.api.http binding,
 * turned into the protobuf message, routed by its gRPC path like any gRPC call, and the answer
 * turned back into JSON — or, for an error, into Envoy's {@code google.rpc.Status} body.
 */
public final class JsonGateway implements Handler<HttpServerRequest> {

    private final JsonApi api;
    private final JsonRequests requests;
    private final JsonReplies replies;
    private final RouteTable routes;
    private final Upstreams upstreams;
    private final AccessLog accessLog;
    private final long maxBodyBytes;

    public JsonGateway(JsonApi api, TranscoderSettings settings, RouteTable routes, Upstreams upstreams,
            AccessLog accessLog, long maxBodyBytes) {
        this.api = api;
        this.requests = new JsonRequests(api.types(), settings.rejectUnknownQueryParameters());
        this.replies = new JsonReplies(api.types(), settings.printOptions());
        this.routes = routes;
        this.upstreams = upstreams;
        this.accessLog = accessLog;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Exchange exchange = accessLog.find(request.getHeader("x-request-id"));
        Optional<JsonApi.Match> match = api.find(request.method().name(), request.path());
        if (match.isEmpty()) {
            // With reject_unknown_method Envoy answers at once; without it the router finds no
            // gRPC route for the HTTP path. Either way the client gets a 404.
            error(request.response(), exchange, GrpcStatus.NOT_FOUND,
                    "no HTTP mapping for " + request.method() + " " + request.path(), null);
            return;
        }
        HttpBinding binding = match.get().binding();
        Optional<Route> route = routes.find(binding.grpcPath());
        if (route.isEmpty() || !(route.get().action() instanceof Route.Forward forward)) {
            error(request.response(), exchange, GrpcStatus.NOT_FOUND, "no route for " + request.path(), null);
            return;
        }
        exchange.upstream(forward.cluster());
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > maxBodyBytes) {
                request.pause();
                request.response().setStatusCode(413).end();
                return;
            }
            body.appendBuffer(chunk);
        });
        request.endHandler(v -> {
            if (!request.response().ended()) {
                call(request, exchange, match.get(), forward, body);
            }
        });
    }

    private void call(HttpServerRequest request, Exchange exchange, JsonApi.Match match, Route.Forward forward,
            Buffer body) {
        DynamicMessage message;
        try {
            message = requests.build(match, query(request), body.toString());
        } catch (JsonRequestException e) {
            error(request.response(), exchange, GrpcStatus.INVALID_ARGUMENT, e.getMessage(), null);
            return;
        }
        UpstreamRequest call = new UpstreamRequest(forward, match.binding().grpcPath(),
                ForwardedHeaders.upstream(request.headers()),
                List.of(GrpcMessage.message("identity", Buffer.buffer(message.toByteArray()))), 0);
        long started = System.nanoTime();
        upstreams.call(call).onComplete(
                reply -> answer(request.response(), exchange, match.binding(), call, started, reply),
                failure -> {
                    UpstreamException error = UpstreamException.of(failure, call, started);
                    error(request.response(), exchange, error.status(), error.getMessage(), null);
                });
    }

    private void answer(HttpServerResponse response, Exchange exchange, HttpBinding binding, UpstreamRequest call,
            long started, GrpcClientResponse<Buffer, Buffer> reply) {
        ForwardedHeaders.copy(reply.headers(), response.headers());
        List<Buffer> messages = new ArrayList<>(1);
        reply.handler(messages::add);
        reply.exceptionHandler(failure -> {
            UpstreamException error = UpstreamException.of(failure, call, started);
            error(response, exchange, error.status(), error.getMessage(), null);
        });
        reply.endHandler(v -> {
            if (response.ended()) {
                return;
            }
            GrpcStatus status = reply.status();
            String details = reply.trailers().get("grpc-status-details-bin");
            if (details == null) {
                details = reply.headers().get("grpc-status-details-bin");
            }
            if (status != GrpcStatus.OK) {
                String message = reply.statusMessage();
                error(response, exchange, status,
                        message != null ? message : StatusMessages.decode(reply.trailers().get("grpc-message")),
                        details);
                return;
            }
            if (messages.isEmpty()) {
                error(response, exchange, GrpcStatus.INTERNAL, "the service answered OK without a message", null);
                return;
            }
            try {
                String json = replies.message(binding, messages.get(0).getBytes());
                exchange.grpcStatus(0);
                response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(json);
            } catch (InvalidProtocolBufferException e) {
                error(response, exchange, GrpcStatus.INTERNAL, "the service's answer does not parse: " + e.getMessage(),
                        null);
            }
        });
    }

    private void error(HttpServerResponse response, Exchange exchange, GrpcStatus status, String message,
            String details) {
        if (response.ended()) {
            return;
        }
        exchange.grpcStatus(status.code);
        response.setStatusCode(JsonReplies.httpStatus(status.code))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(replies.status(status.code, message, details));
    }

    private static Map<String, List<String>> query(HttpServerRequest request) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        request.params()
                .forEach(entry -> query.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        return query;
    }
}
