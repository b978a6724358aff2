package org.commercemesh.edge.ratelimit;

import java.time.Duration;

/**
 * Envoy's token bucket: starts full, gains {@code tokensPerFill} every whole
 * {@code fillInterval}, never holds more than {@code maxTokens}.
 */
public record TokenBucket(long maxTokens, long tokensPerFill, Duration fillInterval) {

    State start(long nowNanos) {
        return new State(maxTokens, nowNanos);
    }

    final class State {
        private long tokens;
        private long lastFill;

        private State(long tokens, long lastFill) {
            this.tokens = tokens;
            this.lastFill = lastFill;
        }

        boolean take(long nowNanos) {
            long interval = fillInterval.toNanos();
            long fills = (nowNanos - lastFill) / interval;
            if (fills > 0) {
                tokens = Math.min(maxTokens, tokens + fills * tokensPerFill);
                lastFill += fills * interval;
            }
            if (tokens == 0) {
                return false;
            }
            tokens--;
            return true;
        }
    }
}
