package org.commercemesh.edge.ratelimit;

import java.util.Map;

/**
 * envoy.yaml's local_ratelimit as the edge applies it: one bucket per client address (the
 * {@code remote_address} descriptor), kept for at most {@code maxClients} addresses. Envoy's
 * shared bucket only serves requests no descriptor matched; every request has an address.
 */
public record RateLimitPolicy(
        TokenBucket perClient,
        int maxClients,
        Map<String, String> responseHeaders,
        boolean rateLimitedAsResourceExhausted) {
}
