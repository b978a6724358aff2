package org.commercemesh.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service spends its CPU, from a JFR recording's execution samples: the share of samples
 * in which each layer appears anywhere on the stack (inclusive, so shares overlap), and the
 * methods most often on top of the stack. {@code bench/profile} writes one recording per service
 * while a scenario runs and prints this for each.
 */
public final class ProfileSummary {

    /** Layers by package prefix, in the order they are reported. */
    static final Map<String, List<String>> LAYERS = layers();

    private static final String OURS = "our code (org.commercemesh)";

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        for (String file : args) {
            System.out.println(markdown(Path.of(file)));
        }
    }

    public static String markdown(Path recording) throws IOException {
        Map<String, Integer> inLayer = new LinkedHashMap<>();
        LAYERS.keySet().forEach(layer -> inLayer.put(layer, 0));
        Map<String, Integer> onTop = new TreeMap<>();
        Map<String, Integer> ours = new TreeMap<>();
        int samples = 0;
        for (var event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            samples++;
            RecordedStackTrace stack = event.getStackTrace();
            for (String layer : LAYERS.keySet()) {
                if (stack.getFrames().stream().anyMatch(frame -> inLayer(frame, layer))) {
                    inLayer.merge(layer, 1, Integer::sum);
                }
            }
            stack.getFrames().stream().filter(frame -> inLayer(frame, OURS)).findFirst()
                    .ifPresent(frame -> ours.merge(name(frame), 1, Integer::sum));
            if (!stack.getFrames().isEmpty()) {
                RecordedFrame top = stack.getFrames().get(0);
                onTop.merge(name(top), 1, Integer::sum);
            }
        }
        int total = Math.max(1, samples);
        StringBuilder out = new StringBuilder("### ").append(recording.getFileName()).append(" — ").append(samples)
                .append(" CPU samples\n\n| layer (anywhere on the stack) | share |\n|---|---:|\n");
        inLayer.forEach((layer, count) -> out
                .append(String.format(Locale.ROOT, "| %s | %.1f %% |%n", layer, 100.0 * count / total)));
        table(out, "hottest methods (top of the stack)", onTop, total);
        table(out, "our methods nearest the top (what the time was spent for)", ours, total);
        return out.toString();
    }

    private static void table(StringBuilder out, String title, Map<String, Integer> counts, int total) {
        out.append("\n| ").append(title).append(" | share |\n|---|---:|\n");
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
                .forEach(entry -> out.append(String.format(Locale.ROOT, "| `%s` | %.1f %% |%n", entry.getKey(),
                        100.0 * entry.getValue() / total)));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static boolean inLayer(RecordedFrame frame, String layer) {
        if (frame.getMethod() == null || frame.getMethod().getType() == null) {
            return false;
        }
        String type = frame.getMethod().getType().getName();
        return LAYERS.get(layer).stream().anyMatch(type::startsWith);
    }

    private static Map<String, List<String>> layers() {
        Map<String, List<String>> layers = new LinkedHashMap<>();
        layers.put(OURS, List.of("org.commercemesh."));
        layers.put("Hibernate Reactive / ORM", List.of("org.hibernate."));
        layers.put("Vert.x SQL client (PostgreSQL protocol)", List.of("io.vertx.sqlclient.", "io.vertx.pgclient."));
        layers.put("gRPC (grpc-java, Quarkus gRPC)", List.of("io.grpc.", "io.quarkus.grpc."));
        layers.put("JWT (jose4j, SmallRye JWT)", List.of("org.jose4j.", "io.smallrye.jwt."));
        layers.put("Kafka clients, SmallRye Messaging",
                List.of("org.apache.kafka.", "io.smallrye.reactive.messaging."));
        layers.put("Netty (network, HTTP/2)", List.of("io.netty."));
        layers.put("Micrometer", List.of("io.micrometer."));
        layers.put("protobuf", List.of("com.google.protobuf."));
        layers.put("logging", List.of("org.jboss.logmanager.", "org.jboss.logging."));
        return layers;
    }
}
