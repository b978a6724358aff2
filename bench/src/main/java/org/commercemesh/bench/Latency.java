package org.commercemesh.bench;

/**
 * What a call's future may complete with when the latency that matters is not the whole call,
 * e.g. from PlaceOrder's answer to its events' effects; the load generator records it instead.
 */
public record Latency(long nanos) {
}
