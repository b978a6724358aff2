package org.commercemesh.bench;

import org.HdrHistogram.Histogram;

/** What one measured run gave: throughput and latency of the calls that succeeded, and their CPU cost. */
public record Outcome(String name, String load, long calls, long errors, double seconds, Histogram latency,
        CpuMeter.Sample cpu) {

    public double perSecond() {
        return calls / seconds;
    }

    /** A latency percentile in milliseconds. */
    public double millis(double percentile) {
        return latency.getValueAtPercentile(percentile) / 1_000_000.0;
    }
}
