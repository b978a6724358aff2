package org.commercemesh.edge.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** Takes one token per request from the client's bucket; false means answer 429. */
public final class RateLimiter {

    private final RateLimitPolicy policy;
    private final LongSupplier clock;
    private final Map<String, TokenBucket.State> clients;

    public RateLimiter(RateLimitPolicy policy) {
        this(policy, System::nanoTime);
    }

    RateLimiter(RateLimitPolicy policy, LongSupplier clock) {
        this.policy = policy;
        this.clock = clock;
        // Least recently seen addresses go first once max_dynamic_descriptors is reached, as in Envoy.
        this.clients = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TokenBucket.State> eldest) {
                return size() > policy.maxClients();
            }
        };
    }

    public synchronized boolean tryAcquire(String clientAddress) {
        long now = clock.getAsLong();
        return clients.computeIfAbsent(clientAddress, address -> policy.perClient().start(now)).take(now);
    }

    public RateLimitPolicy policy() {
        return policy;
    }
}
