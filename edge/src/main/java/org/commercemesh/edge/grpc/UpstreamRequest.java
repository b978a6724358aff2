package org.commercemesh.edge.grpc;

import java.util.List;

import org.commercemesh.edge.route.Route;

import io.vertx.core.MultiMap;
import io.vertx.grpc.common.GrpcMessage;

/**
 * A call to make upstream: the route's forward action, the gRPC method, the headers to send
 * and the request's messages, held whole so a read can be retried.
 *
 * @param clientTimeoutMillis the caller's own grpc-timeout, 0 when it sent none
 */
public record UpstreamRequest(Route.Forward forward, String grpcPath, MultiMap headers, List<GrpcMessage> messages,
        long clientTimeoutMillis) {

    long timeoutMillis() {
        long route = forward.timeout().toMillis();
        if (clientTimeoutMillis <= 0) {
            return route;
        }
        return route <= 0 ? clientTimeoutMillis : Math.min(route, clientTimeoutMillis);
    }
}
