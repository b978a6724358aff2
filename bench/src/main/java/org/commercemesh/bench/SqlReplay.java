package org.commercemesh.bench;

import java.util.Map;

import org.commercemesh.bench.Mesh.Service;

/**
 * A pgbench script (a classpath resource under {@code sql/}) holding the statements one call of
 * a scenario issues, in order, with the variables pgbench passes to them as parameters; or one
 * of pgbench's built-in transactions.
 */
public record SqlReplay(String script, Service database, Map<String, String> variables) {

    /** pgbench's built-in TPC-B-like transaction, on its own scratch database. */
    public static final String TPCB_LIKE = "builtin:tpcb-like";

    public boolean builtin() {
        return script.startsWith("builtin:");
    }
}
