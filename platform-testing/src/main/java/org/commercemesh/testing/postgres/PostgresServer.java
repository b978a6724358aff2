package org.commercemesh.testing.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    /** Runs one statement in {@code database}; a refusal is an IllegalStateException saying where. */
    public void execute(String database, String sql) {
        try (Connection connection = connect(database)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw refused(sql, e);
        }
    }

    /** The first column of the first row of {@code sql} in {@code database}, or null without rows. */
    public String queryOne(String database, String sql) {
        try (Connection connection = connect(database);
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        } catch (SQLException e) {
            throw refused(sql, e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    private IllegalStateException refused(String sql, SQLException e) {
        return new IllegalStateException("PostgreSQL at " + host + ":" + port + " refused '" + sql + "': "
                + e.getMessage() + " (is the server running?)", e);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
