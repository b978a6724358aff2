package org.commercemesh.edge.grpc;

import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;

/**
 * Which headers cross the edge. Hop-by-hop headers belong to one connection; the gRPC framing
 * headers are re-made by each side's gRPC stack; grpc-web's own headers mean nothing upstream.
 * Everything else — authorization, x-request-id, x-forwarded-for, traceparent — goes through.
 */
public final class ForwardedHeaders {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
            "te", "trailer", "transfer-encoding", "upgrade", "http2-settings", "host", "content-length");

    private static final Set<String> GRPC_FRAMING = Set.of(
            "content-type", "grpc-timeout", "grpc-encoding", "grpc-accept-encoding", "grpc-status",
            "grpc-message", "user-agent", "accept", "accept-encoding", "x-grpc-web", "x-user-agent");

    private ForwardedHeaders() {
    }

    public static MultiMap upstream(MultiMap downstream) {
        return copy(downstream, MultiMap.caseInsensitiveMultiMap());
    }

    public static MultiMap copy(MultiMap from, MultiMap to) {
        from.forEach(entry -> {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith(":") && !HOP_BY_HOP.contains(name) && !GRPC_FRAMING.contains(name)
                    && !name.startsWith("access-control-")) {
                to.add(name, entry.getValue());
            }
        });
        return to;
    }
}
