package org.commercemesh.testing.postgres;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Gives each Quarkus test run a database of its own on the machine's PostgreSQL server, created
 * empty at start and dropped at stop, so tests never see another run's rows and Flyway always
 * migrates from zero.
 *
 * <p>Server coordinates come from {@link PostgresServer} (environment variables with the local
 * defaults of our machines). Set {@code COMMERCE_TEST_PG_KEEP=true} to keep the database for
 * inspection after a failed run.
 */
public class PostgresDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final PostgresServer server = PostgresServer.fromEnvironment();
    private String database;

    @Override
    public Map<String, String> start() {
        database = "cm_test_" + LocalDateTime.now().format(STAMP) + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        server.execute("postgres", "CREATE DATABASE " + database);
        return Map.of(
                "quarkus.datasource.username", server.user(),
                "quarkus.datasource.password", server.password(),
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        if (database != null && !Boolean.parseBoolean(System.getenv("COMMERCE_TEST_PG_KEEP"))) {
            server.execute("postgres", "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    /** The name of the database this run uses; null before start. */
    public String database() {
        return database;
    }
}
