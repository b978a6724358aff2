package org.commercemesh.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The channel's gRPC service config: a deadline on every call, and for reads (Get, List,
 * Search) up to three attempts when the mesh is UNAVAILABLE; a write is never retried, since
 * the first attempt may have been applied.
 */
final class ServiceConfig {

    private ServiceConfig() {
    }

    static Map<String, Object> of(List<String> methods, Duration readDeadline, Duration writeDeadline) {
        List<Map<String, Object>> reads = methods.stream().filter(ServiceConfig::isRead).map(ServiceConfig::name)
                .toList();
        List<Map<String, Object>> writes = methods.stream().filter(m -> !isRead(m)).map(ServiceConfig::name).toList();
        Map<String, Object> retry = Map.of(
                "maxAttempts", 3.0,
                "initialBackoff", "0.1s",
                "maxBackoff", "1s",
                "backoffMultiplier", 2.0,
                "retryableStatusCodes", List.of("UNAVAILABLE"));
        return Map.of("methodConfig", List.of(
                Map.of("name", reads, "timeout", seconds(readDeadline), "retryPolicy", retry),
                Map.of("name", writes, "timeout", seconds(writeDeadline))));
    }

    private static boolean isRead(String fullMethod) {
        String method = fullMethod.substring(fullMethod.indexOf('/') + 1);
        return method.startsWith("Get") || method.startsWith("List") || method.startsWith("Search");
    }

    private static Map<String, Object> name(String fullMethod) {
        int slash = fullMethod.indexOf('/');
        return Map.of("service", fullMethod.substring(0, slash), "method", fullMethod.substring(slash + 1));
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() / 1000.0 + "s";
    }
}
