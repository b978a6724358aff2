package org.commercemesh.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commercemesh.bench.Mesh.Database;

/**
 * The ceiling of a scenario's SQL: pgbench replays the statements one call issues (prepared, as
 * the reactive client sends them) with as many clients as the scenario has calls in flight.
 */
public final class PgBench {

    /** What pgbench reported. */
    public record Result(double perSecond) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final String SCRATCH = "bench_pgbench";

    private final String host;
    private final int port;

    public PgBench(String host, int port) {
        this.host = host;
        this.port = port;
    }

    public Result run(SqlReplay replay, Database database, int clients, Duration duration)
            throws IOException, InterruptedException, SQLException {
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-h", host, "-p", String.valueOf(port), "-U",
                database.user(), "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)), "-T",
                String.valueOf(Math.max(1, duration.toSeconds()))));
        String target = database.name();
        if (replay.builtin()) {
            target = scratch(database);
            command.addAll(List.of("-b", replay.script().substring("builtin:".length())));
        } else {
            command.addAll(List.of("-M", "prepared", "-f", script(replay).toString()));
            replay.variables().forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
        }
        command.add(target);
        String output = exec(command, database.password());
        return new Result(number(TPS, output));
    }

    /** pgbench's own tables at scale 1, made once. */
    private String scratch(Database database) throws IOException, InterruptedException, SQLException {
        String admin = database.url().substring(0, database.url().lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(admin, database.user(), database.password())) {
            boolean exists;
            try (var query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                query.setString(1, SCRATCH);
                exists = query.executeQuery().next();
            }
            if (!exists) {
                connection.createStatement().execute("create database " + SCRATCH);
                exec(List.of("pgbench", "-i", "-q", "-s", "1", "-h", host, "-p", String.valueOf(port), "-U",
                        database.user(), SCRATCH), database.password());
            }
        }
        return SCRATCH;
    }

    private static Path script(SqlReplay replay) throws IOException {
        try (InputStream in = PgBench.class.getClassLoader().getResourceAsStream(replay.script())) {
            if (in == null) {
                throw new IllegalStateException("no SQL replay " + replay.script() + " on the class path");
            }
            Path file = Files.createTempFile("bench-", ".sql");
            Files.write(file, in.readAllBytes());
            file.toFile().deleteOnExit();
            return file;
        }
    }

    private static String exec(List<String> command, String password) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (!password.isEmpty()) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static double number(Pattern pattern, String output) {
        Matcher match = pattern.matcher(output);
        if (!match.find()) {
            throw new IllegalStateException("pgbench said nothing matching " + pattern + ":\n" + output);
        }
        return Double.parseDouble(match.group(1));
    }
}
