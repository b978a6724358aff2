package org.commercemesh.bench;

/**
 * A scenario at one load against its limits in the same run, each the median of several
 * alternating rounds: the bare gRPC echo server and pgbench replaying the scenario's SQL, both
 * at the same number of calls in flight.
 */
public record Measurement(String scenario, String load, double perSecond, double p50, double p99, long errors,
        double echoPerSecond, String sql, double sqlPerSecond) {

    public double ratioToEcho() {
        return echoPerSecond > 0 ? perSecond / echoPerSecond : Double.NaN;
    }

    public double ratioToSql() {
        return sqlPerSecond > 0 ? perSecond / sqlPerSecond : Double.NaN;
    }
}
