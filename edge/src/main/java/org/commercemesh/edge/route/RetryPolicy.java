package org.commercemesh.edge.route;

import java.util.Map;
import java.util.Set;

/**
 * Envoy's retry_policy. The edge implements the gRPC condition the routes use: retry when the
 * upstream answers with the named grpc-status before sending any message.
 */
public record RetryPolicy(Set<String> retryOn, int numRetries) {

    public static final RetryPolicy NONE = new RetryPolicy(Set.of(), 0);

    /** Envoy's names for the gRPC retry conditions, with their status codes. */
    public static final Map<String, Integer> GRPC_CONDITIONS = Map.of(
            "cancelled", 1,
            "deadline-exceeded", 4,
            "resource-exhausted", 8,
            "unavailable", 14,
            "internal", 13);

    public boolean retries(int grpcStatus) {
        return retryOn.stream().anyMatch(condition -> GRPC_CONDITIONS.get(condition) == grpcStatus);
    }
}
