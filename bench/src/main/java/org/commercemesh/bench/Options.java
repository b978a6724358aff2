package org.commercemesh.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.commercemesh.bench.Mesh.Database;
import org.commercemesh.bench.Mesh.Service;

/**
 * What a run measures and where the mesh is. Defaults fit {@code dev/mesh up}.
 *
 * <pre>
 * --scenarios get-product,list-products,search-products,checkout,event-path
 * --concurrency 16,1   --seconds 10   --limit-seconds (as --seconds)   --warmup 5   --rounds 3
 * --rate 0 (closed loop; calls per second otherwise)
 * --no-limits          --out bench/results   --pids .mesh/pids (the services' pid files, for CPU per call)
 * --user 127.0.0.1:8101 --catalog 127.0.0.1:8102 --cart 127.0.0.1:8103 --order 127.0.0.1:8104
 * --db 127.0.0.1:5432 --db-user postgres
 * </pre>
 */
public record Options(List<String> scenarios, List<Integer> concurrency, Duration seconds, Duration limitSeconds,
        Duration warmUp, int rounds,
        int rate, boolean limits, Path out, Map<Service, String> addresses, Map<Service, Database> databases,
        String dbHost, int dbPort, Path pids) {

    public static final List<String> ALL = List.of("get-product", "list-products", "search-products", "checkout",
            "event-path");

    public static Options parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String key = args[i].substring(2);
            boolean flag = key.startsWith("no-");
            given.put(key, flag ? "true" : value(args, ++i, key));
        }
        String db = given.getOrDefault("db", "127.0.0.1:5432");
        Map<Service, String> addresses = new EnumMap<>(Service.class);
        Map<Service, Database> databases = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            addresses.put(service, given.getOrDefault(service.key(), "127.0.0.1:" + (8101 + service.ordinal())));
            // dev/mesh's layout: one database per service, trust authentication.
            String name = service.key() + "_svc";
            databases.put(service, new Database("jdbc:postgresql://" + db + "/" + name, name,
                    given.getOrDefault("db-user", "postgres"), ""));
        }
        List<String> scenarios = list(given.getOrDefault("scenarios", String.join(",", ALL)));
        scenarios.stream().filter(name -> !ALL.contains(name)).findFirst().ifPresent(unknown -> {
            throw new IllegalArgumentException("unknown scenario " + unknown + "; known: " + ALL);
        });
        return new Options(scenarios,
                list(given.getOrDefault("concurrency", "16,1")).stream().map(Integer::valueOf).toList(),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("seconds", "10"))),
                Duration.ofSeconds(
                        Long.parseLong(given.getOrDefault("limit-seconds", given.getOrDefault("seconds", "10")))),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("warmup", "5"))),
                Integer.parseInt(given.getOrDefault("rounds", "3")),
                Integer.parseInt(given.getOrDefault("rate", "0")),
                !given.containsKey("no-limits"),
                Path.of(given.getOrDefault("out", "bench/results")),
                addresses, databases, db.substring(0, db.lastIndexOf(':')),
                Integer.parseInt(db.substring(db.lastIndexOf(':') + 1)),
                Path.of(given.getOrDefault("pids", ".mesh/pids")));
    }

    private static String value(String[] args, int i, String key) {
        if (i >= args.length) {
            throw new IllegalArgumentException("--" + key + " needs a value");
        }
        return args[i];
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    /** The same run with other addresses and databases (a mesh started by a test). */
    public Options at(Map<Service, String> otherAddresses, Map<Service, Database> otherDatabases) {
        return new Options(scenarios, concurrency, seconds, limitSeconds, warmUp, rounds, rate, limits, out,
                otherAddresses,
                otherDatabases, dbHost, dbPort, pids);
    }
}
