import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * GetProduct straight to catalog-svc and through the edge, closed loop, the modes alternating
 * round by round in the same run so both see the same machine. Run by bench/edge-vs-direct,
 * on the edge's own classpath (Vert.x 5):
 *
 * java -cp "edge/target/edge.jar:edge/target/lib/*" bench/edge/EdgeBench.java \
 *   DIRECT_HOST:PORT EDGE_HOST:PORT PRODUCT_ID CONCURRENCY SECONDS ROUNDS
 */
public class EdgeBench {

    record Round(double rps, double p50, double p99, long errors) {
    }

    public static void main(String[] args) throws Exception {
        SocketAddress direct = address(args[0]);
        SocketAddress edge = address(args[1]);
        String productId = args[2];
        int concurrency = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int rounds = Integer.parseInt(args[5]);

        Vertx vertx = Vertx.vertx();
        GrpcClient grpc = GrpcClient.client(vertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false));
        HttpClient http1 = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(concurrency));
        byte[] id = productId.getBytes(StandardCharsets.UTF_8);
        Buffer request = Buffer.buffer().appendByte((byte) 0x0a).appendByte((byte) id.length).appendBytes(id);
        Buffer grpcWebFrame = Buffer.buffer().appendByte((byte) 0).appendInt(request.length()).appendBuffer(request);

        Map<String, Supplier<Future<?>>> modes = new LinkedHashMap<>();
        modes.put("gRPC, straight to catalog-svc", () -> grpcCall(grpc, direct, request));
        modes.put("gRPC through the edge", () -> grpcCall(grpc, edge, request));
        modes.put("grpc-web through the edge", () -> http1.request(new RequestOptions().setMethod(HttpMethod.POST)
                        .setServer(edge).setURI("/commerce.catalog.v1.ProductService/GetProduct")
                        .putHeader("content-type", "application/grpc-web+proto").putHeader("x-grpc-web", "1"))
                .compose(r -> r.send(grpcWebFrame)).compose(r -> r.body().map(b -> check(r.statusCode() == 200
                        && b.length() > 5 && b.toString(StandardCharsets.ISO_8859_1).contains("grpc-status:0")))));
        modes.put("JSON through the edge", () -> http1.request(new RequestOptions().setMethod(HttpMethod.GET)
                        .setServer(edge).setURI("/v1/products/" + productId))
                .compose(r -> r.send()).compose(r -> r.body().map(b -> check(r.statusCode() == 200))));

        Map<String, List<Round>> results = new LinkedHashMap<>();
        for (int round = 0; round <= rounds; round++) {
            List<String> order = new ArrayList<>(modes.keySet());
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (String mode : order) {
                Round measured = run(modes.get(mode), concurrency, round == 0 ? 2 : seconds);
                if (round > 0) {
                    results.computeIfAbsent(mode, m -> new ArrayList<>()).add(measured);
                }
            }
        }
        double directRps = median(results.get("gRPC, straight to catalog-svc"), Round::rps);
        System.out.printf("| path | requests/s | p50 ms | p99 ms | vs. straight | errors |%n|---|---:|---:|---:|---:|---:|%n");
        modes.keySet().forEach(mode -> print(mode, results.get(mode), directRps));
        vertx.close();
    }

    private static void print(String mode, List<Round> list, double directRps) {
        System.out.printf("| %s | %.0f | %.1f | %.1f | %.2f | %d |%n", mode,
                median(list, Round::rps), median(list, Round::p50), median(list, Round::p99),
                median(list, Round::rps) / directRps, list.stream().mapToLong(Round::errors).sum());
    }

    private static Future<?> grpcCall(GrpcClient grpc, SocketAddress server, Buffer request) {
        return grpc.request(server).compose(call -> {
            call.fullMethodName("commerce.catalog.v1.ProductService/GetProduct");
            call.end(request);
            return call.response();
        }).compose(response -> response.last());
    }

    private static Object check(boolean ok) {
        if (!ok) {
            throw new IllegalStateException("unexpected answer");
        }
        return ok;
    }

    /** Closed loop: each of the concurrency slots sends its next request when its last one ends. */
    private static Round run(Supplier<Future<?>> call, int concurrency, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] latencies = new long[concurrency][];
        int[] counts = new int[concurrency];
        long[] errors = new long[1];
        List<CompletableFuture<Void>> slots = new ArrayList<>();
        for (int slot = 0; slot < concurrency; slot++) {
            latencies[slot] = new long[1 << 16];
            CompletableFuture<Void> done = new CompletableFuture<>();
            slots.add(done);
            next(call, end, latencies, counts, errors, slot, done);
        }
        CompletableFuture.allOf(slots.toArray(CompletableFuture[]::new)).get();
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int slot = 0; slot < concurrency; slot++) {
            System.arraycopy(latencies[slot], 0, all, at, counts[slot]);
            at += counts[slot];
        }
        Arrays.sort(all);
        return new Round(total / (double) seconds, percentile(all, 0.50), percentile(all, 0.99), errors[0]);
    }

    private static void next(Supplier<Future<?>> call, long end, long[][] latencies, int[] counts, long[] errors,
                             int slot, CompletableFuture<Void> done) {
        long start = System.nanoTime();
        if (start >= end) {
            done.complete(null);
            return;
        }
        call.get().onComplete(result -> {
            if (result.failed()) {
                synchronized (errors) {
                    errors[0]++;
                }
            } else {
                if (counts[slot] == latencies[slot].length) {
                    latencies[slot] = Arrays.copyOf(latencies[slot], counts[slot] * 2);
                }
                latencies[slot][counts[slot]++] = System.nanoTime() - start;
            }
            next(call, end, latencies, counts, errors, slot, done);
        });
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> value) {
        double[] values = rounds.stream().mapToDouble(value).sorted().toArray();
        return values[values.length / 2];
    }

    private static SocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return SocketAddress.inetSocketAddress(Integer.parseInt(hostPort.substring(colon + 1)), hostPort.substring(0, colon));
    }
}
