package org.commercemesh.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time spent by processes, read from Linux's {@code /proc/<pid>/stat} (user + system time of
 * every thread, in clock ticks of 10 ms): the services named by the pid files {@code dev/mesh}
 * writes, and every PostgreSQL process. It turns throughput into a cost per call that does not
 * depend on how many cores the machine lends the mesh.
 */
public final class CpuMeter {

    /** Linux's USER_HZ on every architecture the JDK runs on. */
    private static final double MILLIS_PER_TICK = 10;

    private final List<Path> pidFiles;

    public CpuMeter(List<Path> pidFiles) {
        this.pidFiles = pidFiles;
    }

    /** The pid files in a directory, none when it does not exist (a mesh started elsewhere). */
    public static CpuMeter of(Path pidDirectory) {
        if (!Files.isDirectory(pidDirectory)) {
            return new CpuMeter(List.of());
        }
        try (Stream<Path> files = Files.list(pidDirectory)) {
            return new CpuMeter(files.filter(file -> file.toString().endsWith("-svc.pid")).sorted().toList());
        } catch (IOException unreadable) {
            return new CpuMeter(List.of());
        }
    }

    public boolean measuresServices() {
        return !pidFiles.isEmpty();
    }

    /** CPU milliseconds used so far by the services and by PostgreSQL. */
    public Sample sample() {
        double services = pidFiles.stream().mapToDouble(file -> {
            try {
                return millis(Files.readString(file).strip());
            } catch (IOException gone) {
                return 0;
            }
        }).sum();
        double postgres = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            postgres = processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(CpuMeter::isPostgres).mapToDouble(dir -> millis(dir.getFileName().toString())).sum();
        } catch (IOException noProc) {
            postgres = 0;
        }
        return new Sample(services, postgres);
    }

    /** CPU milliseconds at one instant. */
    public record Sample(double services, double postgres) {

        public Sample minus(Sample earlier) {
            return new Sample(services - earlier.services, postgres - earlier.postgres);
        }
    }

    private static boolean isPostgres(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip().equals("postgres");
        } catch (IOException gone) {
            return false;
        }
    }

    private static double millis(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // The command name in parentheses may hold spaces; the fields after it are fixed.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
