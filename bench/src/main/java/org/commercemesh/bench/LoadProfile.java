package org.commercemesh.bench;

import java.time.Duration;

/**
 * How to drive a scenario: {@code concurrency} calls in flight (closed loop), or, when
 * {@code ratePerSecond} is above zero, calls started at that fixed rate whatever their latency
 * (open loop, at most {@code concurrency} in flight). Nothing is recorded during the warm-up.
 */
public record LoadProfile(int concurrency, Duration warmUp, Duration duration, int ratePerSecond) {

    public LoadProfile {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
    }

    public static LoadProfile closedLoop(int concurrency, Duration warmUp, Duration duration) {
        return new LoadProfile(concurrency, warmUp, duration, 0);
    }

    public boolean fixedRate() {
        return ratePerSecond > 0;
    }

    public String describe() {
        return fixedRate() ? ratePerSecond + "/s fixed rate" : concurrency + " in flight";
    }
}
