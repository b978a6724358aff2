package org.commercemesh.edge.log;

import java.time.Instant;

import io.vertx.core.MultiMap;

/** One request through the edge, as the access log reports it. */
public final class Exchange {

    private final String requestId;
    private final String clientAddress;
    private final Instant start = Instant.now();
    private final long startNanos = System.nanoTime();
    private final MultiMap requestHeaders;
    private final String method;
    private final String path;
    private volatile String upstreamCluster;
    private volatile Integer grpcStatus;

    public Exchange(String requestId, String clientAddress, String method, String path, MultiMap requestHeaders) {
        this.requestId = requestId;
        this.clientAddress = clientAddress;
        this.method = method;
        this.path = path;
        this.requestHeaders = requestHeaders;
    }

    public String requestId() {
        return requestId;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public void upstream(String cluster) {
        this.upstreamCluster = cluster;
    }

    public void grpcStatus(int code) {
        this.grpcStatus = code;
    }

    Instant start() {
        return start;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    String header(String name) {
        return switch (name) {
            case ":method" -> method;
            case ":path" -> path;
            default -> requestHeaders.get(name);
        };
    }

    String upstreamCluster() {
        return upstreamCluster;
    }

    Integer grpcStatus() {
        return grpcStatus;
    }
}
