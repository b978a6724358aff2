package org.commercemesh.edge.grpc;

import io.vertx.grpc.common.GrpcStatus;

/**
 * A call that got no gRPC status from the service: the route's deadline passed
 * (DEADLINE_EXCEEDED) or the service could not be reached or reset the stream (UNAVAILABLE,
 * Envoy's "upstream connect error").
 */
public final class UpstreamException extends RuntimeException {

    private final GrpcStatus status;

    private UpstreamException(GrpcStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public static UpstreamException of(Throwable failure, UpstreamRequest request, long startedNanos) {
        if (failure instanceof UpstreamException known) {
            return known;
        }
        long timeout = request.timeoutMillis();
        long elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
        if (timeout > 0 && elapsed >= timeout) {
            return new UpstreamException(GrpcStatus.DEADLINE_EXCEEDED,
                    "upstream request timeout (" + request.forward().cluster() + ", " + timeout + " ms)", failure);
        }
        return new UpstreamException(GrpcStatus.UNAVAILABLE,
                "upstream connect error or disconnect/reset before headers (" + request.forward().cluster() + ")",
                failure);
    }

    public GrpcStatus status() {
        return status;
    }
}
