package org.commercemesh.testing.postgres;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a service at a {@link StreamingReplica}: the default datasource (writes, Flyway,
 * read-your-writes) at its primary, the {@code read} datasource (query paths) at its standby.
 * For a test profile that proves which path reads where; a test gets the replica in a field of
 * type {@link StreamingReplica} to pause and resume the standby's replay.
 *
 * <p>Its properties must win over {@link PostgresDatabaseResource}'s, which every test of a
 * service has: Quarkus starts resources in {@link #order()} and a later one's properties replace
 * an earlier one's.
 */
public class StreamingReplicaResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "cm_replica_test";

    private StreamingReplica replica;

    @Override
    public Map<String, String> start() {
        replica = StreamingReplica.start(DATABASE);
        PostgresServer primary = replica.primary();
        return Map.of(
                "quarkus.datasource.username", primary.user(),
                "quarkus.datasource.password", primary.password(),
                "quarkus.datasource.jdbc.url", primary.jdbcUrl(DATABASE),
                "quarkus.datasource.reactive.url", primary.reactiveUrl(DATABASE),
                "quarkus.datasource.read.reactive.url", replica.standby().reactiveUrl(DATABASE));
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(replica, new TestInjector.MatchesType(StreamingReplica.class));
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public void stop() {
        if (replica != null) {
            replica.close();
        }
    }
}
