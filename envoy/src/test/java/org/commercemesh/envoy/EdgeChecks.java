package org.commercemesh.envoy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.api.AnnotationsProto;
import com.google.protobuf.Any;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;

import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.config.route.v3.RouteMatch;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.grpc_json_transcoder.v3.GrpcJsonTranscoder;
import io.envoyproxy.envoy.extensions.filters.http.grpc_web.v3.GrpcWeb;
import io.envoyproxy.envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/**
 * What Envoy would only find out at run time, or never: the filters in their slots, router
 * last; every route's cluster declared, speaking HTTP/2 and health-checked over gRPC, at the
 * address and port its service listens on; the transcoder's services exactly those with HTTP
 * mappings in the built descriptor set; every external method routed to its own service,
 * no internal method (no HTTP mapping) routed at all, and retries only on reads.
 */
final class EdgeChecks {

    /** The filter chain design §10 asks for, in order: name → typed config. */
    static final Map<String, Class<? extends Message>> FILTERS = orderedFilters();

    /** Contract packages served by a service of another name: user-svc keeps the mesh's audit log. */
    private static final Map<String, String> KEPT_ELSEWHERE = Map.of("audit", "user-svc");
    private static final Set<String> READ_PREFIXES = Set.of("Get", "List", "Search");
    private static final ExtensionRegistry HTTP_RULES = ExtensionRegistry.newInstance();

    static {
        AnnotationsProto.registerAllExtensions(HTTP_RULES);
    }

    private EdgeChecks() {
    }

    /**
     * Every problem found; empty when the config is sound. {@code ports} is where each service
     * listens (its {@code quarkus.http.port}), by cluster name.
     */
    static List<String> problems(Bootstrap bootstrap, FileDescriptorSet descriptors, Map<String, Integer> ports) {
        List<String> problems = new ArrayList<>();
        PgvRules.check(bootstrap, "bootstrap", problems);
        HttpConnectionManager manager = connectionManager(bootstrap, problems);
        if (manager == null) {
            return problems;
        }
        Map<String, Cluster> clusters = bootstrap.getStaticResources().getClustersList().stream()
                .collect(Collectors.toMap(Cluster::getName, cluster -> cluster, (a, b) -> a, LinkedHashMap::new));
        checkFilters(manager, problems);
        checkClusters(clusters, ports, problems);
        Map<String, Boolean> methods = methods(descriptors);
        checkTranscoder(manager, descriptors, problems);
        checkRoutes(manager, clusters, methods, problems);
        return problems;
    }

    private static HttpConnectionManager connectionManager(Bootstrap bootstrap, List<String> problems) {
        if (bootstrap.getStaticResources().getListenersCount() != 1) {
            problems.add(
                    "exactly one listener is expected, found " + bootstrap.getStaticResources().getListenersCount());
            return null;
        }
        var listener = bootstrap.getStaticResources().getListeners(0);
        if (listener.getAddress().getSocketAddress().getPortValue() != 8080) {
            problems.add("the listener must be on :8080");
        }
        return unpack(listener.getFilterChains(0).getFilters(0).getTypedConfig(), HttpConnectionManager.class,
                "the listener's first network filter", problems).orElse(null);
    }

    private static void checkFilters(HttpConnectionManager manager, List<String> problems) {
        List<String> names = manager.getHttpFiltersList().stream().map(HttpFilter::getName).toList();
        if (!names.equals(List.copyOf(FILTERS.keySet()))) {
            problems.add("http filters must be " + FILTERS.keySet() + " in that order (router last), found " + names);
            return;
        }
        for (HttpFilter filter : manager.getHttpFiltersList()) {
            unpack(filter.getTypedConfig(), FILTERS.get(filter.getName()), "filter " + filter.getName(), problems);
        }
    }

    private static void checkClusters(Map<String, Cluster> clusters, Map<String, Integer> ports,
            List<String> problems) {
        for (Cluster cluster : clusters.values()) {
            Any options = cluster.getTypedExtensionProtocolOptionsMap()
                    .get("envoy.extensions.upstreams.http.v3.HttpProtocolOptions");
            boolean http2 = options != null
                    && unpack(options, HttpProtocolOptions.class, "cluster " + cluster.getName(), problems)
                            .map(protocol -> protocol.getExplicitHttpConfig().hasHttp2ProtocolOptions()).orElse(false);
            if (!http2) {
                problems.add(
                        "cluster " + cluster.getName() + " is not HTTP/2: gRPC needs explicit http2_protocol_options");
            }
            if (cluster.getHealthChecksList().stream().noneMatch(check -> check.hasGrpcHealthCheck())) {
                problems.add("cluster " + cluster.getName() + " has no gRPC health check");
            }
            var endpoints = cluster.getLoadAssignment().getEndpointsList().stream()
                    .flatMap(locality -> locality.getLbEndpointsList().stream())
                    .map(endpoint -> endpoint.getEndpoint().getAddress().getSocketAddress()).toList();
            Integer port = ports.get(cluster.getName());
            if (port == null) {
                problems.add("cluster " + cluster.getName() + " is no service of the mesh " + ports.keySet());
            } else if (endpoints.isEmpty() || endpoints.stream().anyMatch(
                    address -> !address.getAddress().equals(cluster.getName()) || address.getPortValue() != port)) {
                problems.add("cluster " + cluster.getName() + " must point at the Service " + cluster.getName() + ":"
                        + port);
            }
        }
    }

    private static void checkTranscoder(HttpConnectionManager manager, FileDescriptorSet descriptors,
            List<String> problems) {
        HttpFilter filter = manager.getHttpFiltersList().stream()
                .filter(candidate -> candidate.getName().equals("envoy.filters.http.grpc_json_transcoder")).findFirst()
                .orElseThrow();
        Optional<GrpcJsonTranscoder> transcoder = unpack(filter.getTypedConfig(), GrpcJsonTranscoder.class,
                "the transcoder", problems);
        if (transcoder.isEmpty()) {
            return;
        }
        Set<String> mapped = new java.util.TreeSet<>();
        Set<String> known = new java.util.TreeSet<>();
        forEachMethod(descriptors, (service, method, external) -> {
            known.add(service);
            if (external) {
                mapped.add(service);
            }
        });
        Set<String> listed = new java.util.TreeSet<>(transcoder.get().getServicesList());
        for (String service : listed) {
            if (!known.contains(service)) {
                problems.add("transcoder service " + service + " is not in the descriptor set");
            } else if (!mapped.contains(service)) {
                problems.add(
                        "transcoder service " + service + " has no HTTP mapping: internal services are not transcoded");
            }
        }
        for (String service : mapped) {
            if (!listed.contains(service)) {
                problems.add("service " + service + " has HTTP mappings but the transcoder does not serve it");
            }
        }
        if (!transcoder.get().getConvertGrpcStatus()) {
            problems.add("the transcoder must convert_grpc_status, so JSON clients get a google.rpc.Status body");
        }
    }

    private static void checkRoutes(HttpConnectionManager manager, Map<String, Cluster> clusters,
            Map<String, Boolean> methods,
            List<String> problems) {
        List<Route> routes = manager.getRouteConfig().getVirtualHostsList().stream()
                .flatMap(host -> host.getRoutesList().stream()).toList();
        for (Route route : routes) {
            if (route.hasRoute() && !clusters.containsKey(route.getRoute().getCluster())) {
                problems.add("route " + route.getName() + " names cluster " + route.getRoute().getCluster()
                        + ", which is not declared");
            }
        }
        methods.forEach((path, external) -> {
            Optional<Route> first = routes.stream().filter(route -> matches(route.getMatch(), path)).findFirst();
            boolean forwarded = first.map(Route::hasRoute).orElse(false);
            if (!external) {
                if (forwarded) {
                    problems.add("internal method " + path + " is reachable through route " + first.get().getName());
                }
                return;
            }
            if (!forwarded) {
                problems.add("method " + path + " is not routed to a service");
                return;
            }
            Route route = first.get();
            String area = path.split("\\.")[1];
            String expected = KEPT_ELSEWHERE.getOrDefault(area, area + "-svc");
            if (!route.getRoute().getCluster().equals(expected)) {
                problems.add("method " + path + " goes to " + route.getRoute().getCluster() + ", not " + expected);
            }
            String method = path.substring(path.lastIndexOf('/') + 1);
            if (route.getRoute().hasRetryPolicy() && READ_PREFIXES.stream().noneMatch(method::startsWith)) {
                problems.add("method " + path + " is retried by route " + route.getName() + ", but only reads may be");
            }
        });
    }

    private static boolean matches(RouteMatch match, String path) {
        return switch (match.getPathSpecifierCase()) {
            case PREFIX -> path.startsWith(match.getPrefix());
            case PATH -> path.equals(match.getPath());
            case SAFE_REGEX -> Pattern.compile(match.getSafeRegex().getRegex()).matcher(path).matches();
            default -> false;
        };
    }

    /** gRPC path → whether it has an HTTP mapping (external) or not (internal). */
    private static Map<String, Boolean> methods(FileDescriptorSet descriptors) {
        Map<String, Boolean> methods = new LinkedHashMap<>();
        forEachMethod(descriptors, (service, method, external) -> methods.put("/" + service + "/" + method, external));
        return methods;
    }

    private interface MethodVisitor {
        void visit(String service, String method, boolean external);
    }

    private static void forEachMethod(FileDescriptorSet descriptors, MethodVisitor visitor) {
        for (FileDescriptorProto file : descriptors.getFileList()) {
            if (!file.getPackage().startsWith("commerce.")) {
                continue;
            }
            for (ServiceDescriptorProto service : file.getServiceList()) {
                for (MethodDescriptorProto method : service.getMethodList()) {
                    visitor.visit(file.getPackage() + "." + service.getName(), method.getName(), hasHttpRule(method));
                }
            }
        }
    }

    private static boolean hasHttpRule(MethodDescriptorProto method) {
        try {
            return MethodOptions.parseFrom(method.getOptions().toByteString(), HTTP_RULES)
                    .hasExtension(AnnotationsProto.http);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T extends Message> Optional<T> unpack(Any any, Class<T> type, String what, List<String> problems) {
        try {
            return Optional.of(any.unpack(type));
        } catch (InvalidProtocolBufferException wrongType) {
            problems.add(what + " must be a " + type.getSimpleName() + ", found " + any.getTypeUrl());
            return Optional.empty();
        }
    }

    private static Map<String, Class<? extends Message>> orderedFilters() {
        Map<String, Class<? extends Message>> filters = new LinkedHashMap<>();
        filters.put("envoy.filters.http.grpc_web", GrpcWeb.class);
        filters.put("envoy.filters.http.cors", Cors.class);
        filters.put("envoy.filters.http.grpc_json_transcoder", GrpcJsonTranscoder.class);
        filters.put("envoy.filters.http.local_ratelimit", LocalRateLimit.class);
        filters.put("envoy.filters.http.router", Router.class);
        return filters;
    }
}
