package org.commercemesh.bench;

/**
 * A scenario at one load against its limits in the same run, each the median of several
 * alternating rounds: the bare gRPC echo server and pgbench replaying the scenario's SQL, both
 * at the same number of calls in flight; and what one call costs in CPU milliseconds, in the
 * services and in PostgreSQL (0 when the services' processes are not known).
 */
public record Measurement(String scenario, String load, double perSecond, double p50, double p99, long errors,
        double echoPerSecond, String sql, double sqlPerSecond, double serviceCpuPerCall, double postgresCpuPerCall) {

    public double ratioToEcho() {
        return echoPerSecond > 0 ? perSecond / echoPerSecond : Double.NaN;
    }

    public double ratioToSql() {
        return sqlPerSecond > 0 ? perSecond / sqlPerSecond : Double.NaN;
    }
}
