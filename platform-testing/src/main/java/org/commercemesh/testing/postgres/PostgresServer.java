package org.commercemesh.testing.postgres;

/**
 * Where the PostgreSQL server for tests runs. Defaults to the server every developer and CI
 * machine has (127.0.0.1:5432, user {@code postgres}, trust auth); environment variables
 * {@code COMMERCE_TEST_PG_HOST}, {@code _PORT}, {@code _USER} and {@code _PASSWORD} override.
 */
public record PostgresServer(String host, int port, String user, String password) {

    public static PostgresServer fromEnvironment() {
        return new PostgresServer(
                env("COMMERCE_TEST_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("COMMERCE_TEST_PG_PORT", "5432")),
                env("COMMERCE_TEST_PG_USER", "postgres"),
                env("COMMERCE_TEST_PG_PASSWORD", "postgres"));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
