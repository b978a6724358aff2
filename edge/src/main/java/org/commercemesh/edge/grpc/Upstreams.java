package org.commercemesh.edge.grpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.GrpcClientOptions;
import io.vertx.grpc.client.GrpcClientRequest;
import io.vertx.grpc.client.GrpcClientResponse;
import io.vertx.grpc.common.GrpcMessage;

/**
 * The clusters: one HTTP/2 (h2c) gRPC client to the services, the route's deadline on every
 * call, and Envoy's retry policy — a retried read goes again when the service answered with a
 * retryable status before any message, after a jittered back-off (Envoy's 25 ms base).
 */
public final class Upstreams {

    private static final long BACKOFF_BASE_MILLIS = 25;

    private final Vertx vertx;
    private final GrpcClient client;
    private final Map<String, SocketAddress> clusters;

    public Upstreams(Vertx vertx, Map<String, SocketAddress> clusters, Duration connectTimeout, long maxMessageSize) {
        this.vertx = vertx;
        this.clusters = clusters;
        this.client = GrpcClient.client(vertx,
                new GrpcClientOptions().setScheduleDeadlineAutomatically(true).setMaxMessageSize(maxMessageSize),
                new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_2)
                        .setHttp2ClearTextUpgrade(false)
                        .setConnectTimeout((int) connectTimeout.toMillis()));
    }

    public Future<GrpcClientResponse<Buffer, Buffer>> call(UpstreamRequest request) {
        SocketAddress address = clusters.get(request.forward().cluster());
        if (address == null) {
            return Future.failedFuture(new IllegalStateException("no cluster " + request.forward().cluster()));
        }
        long started = System.nanoTime();
        return attempt(request, address, 0)
                .recover(failure -> Future.failedFuture(UpstreamException.of(failure, request, started)));
    }

    private Future<GrpcClientResponse<Buffer, Buffer>> attempt(UpstreamRequest request, SocketAddress address,
            int retry) {
        return client.request(address).compose(call -> send(call, request)).compose(response -> {
            boolean retryable = response.status() != null
                    && retry < request.forward().retryPolicy().numRetries()
                    && request.forward().retryPolicy().retries(response.status().code);
            if (!retryable) {
                return Future.succeededFuture(response);
            }
            // Vert.x refuses a timer under 1 ms: the jitter starts there.
            long backoff = 1 + ThreadLocalRandom.current().nextLong(BACKOFF_BASE_MILLIS * (1L << retry));
            return vertx.timer(backoff).compose(v -> attempt(request, address, retry + 1));
        });
    }

    private static Future<GrpcClientResponse<Buffer, Buffer>> send(GrpcClientRequest<Buffer, Buffer> call,
            UpstreamRequest request) {
        call.fullMethodName(request.grpcPath().substring(1));
        call.headers().addAll(request.headers());
        long timeout = request.timeoutMillis();
        if (timeout > 0) {
            call.timeout(timeout, TimeUnit.MILLISECONDS);
        }
        List<GrpcMessage> messages = request.messages();
        if (messages.isEmpty()) {
            call.end();
        } else {
            for (int i = 0; i < messages.size() - 1; i++) {
                call.writeMessage(messages.get(i));
            }
            call.endMessage(messages.get(messages.size() - 1));
        }
        return call.response();
    }

    public Future<Void> close() {
        return client.close();
    }
}
