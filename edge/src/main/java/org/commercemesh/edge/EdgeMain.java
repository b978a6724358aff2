package org.commercemesh.edge;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.commercemesh.edge.config.EnvoyYaml;
import org.commercemesh.edge.config.FrontDoorConfig;

/**
 * {@code java -jar edge.jar --config envoy/envoy.yaml [--descriptor-set proto/target/commerce.pb]
 * [--listen 127.0.0.1:8080] [--cluster user-svc=127.0.0.1:8101 ...] [--static web/dist]}: the front
 * door envoy.yaml describes, with local addresses where Envoy's are k8s Services, and optionally
 * the storefront's files on the same origin.
 */
public final class EdgeMain {

    private EdgeMain() {
    }

    public static void main(String[] args) throws Exception {
        Path configPath = null;
        Path descriptorSet = null;
        Path site = null;
        FrontDoorConfig.Endpoint listen = null;
        Map<String, FrontDoorConfig.Endpoint> clusters = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : usage("missing value for " + args[i]);
            switch (args[i++]) {
                case "--config" -> configPath = Path.of(value);
                case "--descriptor-set" -> descriptorSet = Path.of(value);
                case "--static" -> site = Path.of(value);
                case "--listen" -> listen = FrontDoorConfig.Endpoint.parse(value);
                case "--cluster" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        usage("--cluster takes name=host:port");
                    }
                    clusters.put(value.substring(0, eq), FrontDoorConfig.Endpoint.parse(value.substring(eq + 1)));
                }
                default -> usage("unknown option " + args[i - 1]);
            }
        }
        if (configPath == null) {
            usage("--config is required");
        }
        FrontDoorConfig config = EnvoyYaml.read(configPath);
        if (descriptorSet != null) {
            config = config.withDescriptorSet(descriptorSet);
        }
        if (listen != null) {
            config = config.listenOn(listen);
        }
        for (var cluster : clusters.entrySet()) {
            config = config.withCluster(cluster.getKey(), cluster.getValue());
        }
        FrontDoorConfig started = config;
        Edge edge = Edge.start(config, site, System.out).toCompletionStage().toCompletableFuture().get();
        System.err.println("edge: listening on http://" + started.listen().host() + ":" + edge.port()
                + " (clusters " + started.clusters().values().stream().map(c -> c.name() + "=" + c.endpoint()).toList()
                + ")");
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> edge.close().toCompletionStage().toCompletableFuture().join()));
    }

    private static String usage(String problem) {
        System.err.println("edge: " + problem);
        System.err.println(
                "usage: edge --config envoy.yaml [--descriptor-set commerce.pb] [--listen host:port] [--cluster name=host:port]... [--static dir]");
        System.exit(2);
        return null;
    }
}
