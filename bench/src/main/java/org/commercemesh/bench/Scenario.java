package org.commercemesh.bench;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One thing a client of the mesh does, repeated by the load generator. */
public interface Scenario {

    /** A kebab-case name, as {@code --scenario} takes it. */
    String name();

    /** Looks up or creates what the calls need (product ids, buyers); not measured. */
    void prepare() throws Exception;

    /** Starts one call; the future completes when the caller would have its answer. */
    CompletableFuture<?> call();

    /** The SQL this scenario makes the services run, replayed with pgbench as its limit. */
    default Optional<SqlReplay> sqlReplay() {
        return Optional.empty();
    }
}
