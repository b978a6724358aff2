package org.commercemesh.bench;

import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

import org.commercemesh.bench.scenario.Checkout;
import org.commercemesh.bench.scenario.EventPath;
import org.commercemesh.bench.scenario.GetProduct;
import org.commercemesh.bench.scenario.ListProducts;
import org.commercemesh.bench.scenario.SearchProducts;
import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.catalog.v1.ProductServiceGrpc;

import io.grpc.ManagedChannel;

/**
 * Runs the scenarios against the mesh and, alternating round by round in the same run, their
 * limits: a warm-up pair first, then {@code rounds} pairs; each figure is the median of its
 * rounds. Writes {@code <out>/<date>.md}, {@code .json} and {@code .png}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        List<Measurement> rows = run(options);
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        String header = "Measured " + ZonedDateTime.now(ZoneOffset.UTC).withNano(0) + " on "
                + Runtime.getRuntime().availableProcessors() + " cores; the load generator, the mesh, Kafka and "
                + "PostgreSQL share the machine. Closed loop unless a rate is given; " + options.rounds()
                + " alternating rounds of " + options.seconds().toSeconds() + " s after a warm-up round, medians.";
        Files.createDirectories(options.out());
        Files.writeString(options.out().resolve(date + ".md"), Report.markdown(rows, header));
        Files.writeString(options.out().resolve(date + ".json"), Report.json(rows));
        Report.chart(rows, options.out().resolve(date + ".png"));
        System.out.println(Report.markdown(rows, header));
        System.exit(0);
    }

    public static List<Measurement> run(Options options) throws Exception {
        int buyers = options.concurrency().stream().max(Integer::compare).orElse(1);
        List<Measurement> rows = new ArrayList<>();
        try (Mesh mesh = new Mesh(options.addresses(), options.databases())) {
            GetProduct sample = new GetProduct(mesh);
            sample.prepare();
            PgBench pgbench = new PgBench(options.dbHost(), options.dbPort());
            try (EchoServer echo = EchoServer.start(sample.sample())) {
                ManagedChannel echoChannel = Mesh.channel(echo.address());
                ProductServiceGrpc.ProductServiceFutureStub echoStub = ProductServiceGrpc.newFutureStub(echoChannel);
                GetProductRequest echoRequest = GetProductRequest.newBuilder().setProductId("echo").build();
                for (String name : options.scenarios()) {
                    Scenario scenario = create(name, mesh, buyers);
                    scenario.prepare();
                    for (int concurrency : options.concurrency()) {
                        rows.add(measure(options, scenario, concurrency, pgbench, mesh,
                                () -> Calls.of(echoStub.getProduct(echoRequest))));
                        System.out.println(Report.markdown(rows.subList(rows.size() - 1, rows.size()), name));
                    }
                }
                echoChannel.shutdown();
            }
        }
        return rows;
    }

    private static Scenario create(String name, Mesh mesh, int buyers) {
        return switch (name) {
            case "get-product" -> new GetProduct(mesh);
            case "list-products" -> new ListProducts(mesh);
            case "search-products" -> new SearchProducts(mesh);
            case "checkout" -> new Checkout(mesh, buyers);
            case "event-path" -> new EventPath(mesh, buyers);
            default -> throw new IllegalArgumentException("unknown scenario " + name);
        };
    }

    private static Measurement measure(Options options, Scenario scenario, int concurrency, PgBench pgbench, Mesh mesh,
            Supplier<CompletableFuture<?>> echoCall) throws Exception {
        LoadProfile load = new LoadProfile(concurrency, options.warmUp(), options.seconds(), options.rate());
        LoadProfile limitLoad = LoadProfile.closedLoop(concurrency, Duration.ZERO, options.limitSeconds());
        Optional<SqlReplay> replay = options.limits() ? scenario.sqlReplay() : Optional.empty();
        CpuMeter cpu = CpuMeter.of(options.pids());
        List<Outcome> runs = new ArrayList<>();
        List<Outcome> echoes = new ArrayList<>();
        List<PgBench.Result> sqls = new ArrayList<>();
        for (int round = 0; round <= options.rounds(); round++) {
            Outcome run = LoadGenerator.run(scenario.name(), load, scenario::call, cpu);
            Outcome echo = options.limits() ? LoadGenerator.run("echo", limitLoad, echoCall) : null;
            PgBench.Result sql = replay.isPresent()
                    ? pgbench.run(replay.get(), mesh.database(replay.get().database()), concurrency,
                            options.limitSeconds())
                    : null;
            if (round > 0 || options.rounds() == 0) {
                runs.add(run);
                if (echo != null) {
                    echoes.add(echo);
                }
                if (sql != null) {
                    sqls.add(sql);
                }
            }
        }
        return new Measurement(scenario.name(), load.describe(), median(runs, Outcome::perSecond),
                median(runs, outcome -> outcome.millis(50)), median(runs, outcome -> outcome.millis(99)),
                runs.stream().mapToLong(Outcome::errors).sum(), median(echoes, Outcome::perSecond),
                replay.map(r -> r.builtin() ? r.script().substring("builtin:".length()) : r.script()).orElse("–"),
                median(sqls, PgBench.Result::perSecond),
                cpu.measuresServices() ? perCall(runs, sample -> sample.services()) : 0,
                cpu.measuresServices() ? perCall(runs, sample -> sample.postgres()) : 0);
    }

    /** CPU milliseconds per call over all the rounds: a cost, so summed rather than a median. */
    private static double perCall(List<Outcome> runs, ToDoubleFunction<CpuMeter.Sample> part) {
        long calls = runs.stream().mapToLong(Outcome::calls).sum();
        return calls == 0 ? 0 : runs.stream().mapToDouble(run -> part.applyAsDouble(run.cpu())).sum() / calls;
    }

    /** The median of the values, 0 when there are none. */
    private static <T> double median(List<T> values, ToDoubleFunction<T> by) {
        double[] sorted = values.stream().mapToDouble(by).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
