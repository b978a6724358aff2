package org.commercemesh.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and a hot standby streaming from it, both private to one test run, made
 * from the machine's server binaries: initdb, then pg_basebackup -R for the standby. The machine's
 * shared server accepts no replication connections, so it cannot be the primary here.
 *
 * <p>As root (CI), the servers run as the {@code postgres} user, since PostgreSQL refuses root.
 * The binaries come from {@code COMMERCE_TEST_PG_BIN}, else {@code pg_config --bindir}.
 */
public final class StreamingReplica implements AutoCloseable {

    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final String USER = "postgres";
    private static final String STANDBY_SETTINGS = "-c hot_standby=on";

    private final Path bin;
    private final Path home;
    private final PostgresServer primary;
    private final PostgresServer standby;

    private StreamingReplica(Path bin, Path home, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.home = home;
        this.primary = new PostgresServer("127.0.0.1", primaryPort, USER, USER);
        this.standby = new PostgresServer("127.0.0.1", standbyPort, USER, USER);
    }

    /** Starts both servers with {@code database} created on the primary and already on the standby. */
    public static StreamingReplica start(String database) {
        StreamingReplica replica = new StreamingReplica(binaries(), temporaryHome(), freePort(), freePort());
        // Two servers outlive a test JVM that ends without stopping its resources.
        Runtime.getRuntime().addShutdownHook(new Thread(replica::close));
        try {
            replica.startPrimary();
            replica.cloneStandby();
            replica.primary.execute("postgres", "CREATE DATABASE " + database);
            replica.awaitOnStandby(database);
            return replica;
        } catch (RuntimeException e) {
            replica.close();
            throw e;
        }
    }

    public PostgresServer primary() {
        return primary;
    }

    public PostgresServer standby() {
        return standby;
    }

    /**
     * The standby stops applying the primary's changes: what is written once this returns is not
     * read there until {@link #resumeReplay()}.
     */
    public void pauseReplay() {
        standby.execute("postgres", "SELECT pg_wal_replay_pause()");
        Instant deadline = Instant.now().plus(CATCH_UP);
        while (!"paused".equals(standby.queryOne("postgres", "SELECT pg_get_wal_replay_pause_state()"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the standby never paused its replay");
            }
            sleep();
        }
    }

    public void resumeReplay() {
        standby.execute("postgres", "SELECT pg_wal_replay_resume()");
    }

    /** Stops the standby at once, as a crash would; {@link #startStandby()} brings it back. */
    public void stopStandby() {
        run("pg_ctl", "-D", home.resolve("standby").toString(), "-m", "immediate", "-w", "stop");
    }

    public void startStandby() {
        startServer(home.resolve("standby"), standby.port(), STANDBY_SETTINGS);
    }

    @Override
    public synchronized void close() {
        if (!Files.exists(home)) {
            return;
        }
        for (String server : List.of("standby", "primary")) {
            if (Files.exists(home.resolve(server).resolve("postmaster.pid"))) {
                run("pg_ctl", "-D", home.resolve(server).toString(), "-m", "immediate", "-w", "stop");
            }
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startPrimary() {
        Path data = home.resolve("primary");
        run("initdb", "-D", data.toString(), "-U", USER, "--auth=trust", "--no-sync", "-E", "UTF8",
                "--locale=C.UTF-8");
        // initdb's pg_hba with --auth=trust already lets 127.0.0.1 connect for replication.
        startServer(data, primary.port(), "-c wal_level=replica -c max_wal_senders=4");
    }

    private void cloneStandby() {
        run("pg_basebackup", "-h", primary.host(), "-p", String.valueOf(primary.port()), "-U", USER,
                "-D", home.resolve("standby").toString(), "-R", "-X", "stream", "-c", "fast");
        startStandby();
    }

    private void startServer(Path data, int port, String settings) {
        run("pg_ctl", "-D", data.toString(), "-l", data.resolveSibling(data.getFileName() + ".log").toString(),
                "-w", "-o", "-c listen_addresses=127.0.0.1 -c port=" + port + " -c unix_socket_directories="
                        + home + " -c fsync=off " + settings,
                "start");
    }

    private void awaitOnStandby(String database) {
        Instant deadline = Instant.now().plus(CATCH_UP);
        while (true) {
            try (Connection ignored = standby.connect(database)) {
                return;
            } catch (SQLException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("database " + database + " never reached the standby", notYet);
                }
                sleep();
            }
        }
    }

    private void run(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (runningAsRoot()) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile(home, program, ".out");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path binaries() {
        String configured = System.getenv("COMMERCE_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Process pgConfig = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String bindir = new String(pgConfig.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (pgConfig.waitFor() == 0 && Files.isExecutable(Path.of(bindir, "initdb"))) {
                return Path.of(bindir);
            }
        } catch (IOException ignored) {
            // No pg_config on the PATH: the message below says what to install or set.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("a streaming replica needs PostgreSQL's server binaries (initdb, "
                + "pg_basebackup, pg_ctl): install the postgresql package or set COMMERCE_TEST_PG_BIN");
    }

    private static Path temporaryHome() {
        try {
            Path home = Files.createTempDirectory("cm-replica-");
            if (runningAsRoot()) {
                UserPrincipal postgres = home.getFileSystem().getUserPrincipalLookupService()
                        .lookupPrincipalByName(USER);
                Files.setOwner(home, postgres);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
