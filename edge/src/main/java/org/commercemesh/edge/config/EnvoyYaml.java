package org.commercemesh.edge.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.commercemesh.edge.cors.CorsPolicy;
import org.commercemesh.edge.json.JsonReplies;
import org.commercemesh.edge.json.TranscoderSettings;
import org.commercemesh.edge.log.AccessLogFormat;
import org.commercemesh.edge.ratelimit.RateLimitPolicy;
import org.commercemesh.edge.ratelimit.TokenBucket;
import org.commercemesh.edge.route.PathMatch;
import org.commercemesh.edge.route.RetryPolicy;
import org.commercemesh.edge.route.Route;
import org.commercemesh.edge.route.RouteTable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads envoy/envoy.yaml into the edge's {@link FrontDoorConfig}. Every key is either applied
 * or set aside here with the reason it only matters to Envoy; anything else — a new filter, a
 * header matcher on a route, a CORS option — fails with the path of what the edge would not
 * honour.
 */
public final class EnvoyYaml {

    private static final String TYPES = "type.googleapis.com/envoy.";
    private static final String HCM = TYPES
            + "extensions.filters.network.http_connection_manager.v3.HttpConnectionManager";

    /** The HTTP filters the edge implements, in the order it applies them. */
    private static final List<String> FILTER_ORDER = List.of(
            "envoy.filters.http.grpc_web", "envoy.filters.http.cors", "envoy.filters.http.grpc_json_transcoder",
            "envoy.filters.http.local_ratelimit", "envoy.filters.http.router");

    private EnvoyYaml() {
    }

    public static FrontDoorConfig read(Path envoyYaml) throws IOException {
        Map<String, Object> document;
        try (Reader reader = Files.newBufferedReader(envoyYaml)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        }
        YamlSection root = new YamlSection("", document);
        root.notApplicableLocally("admin", "Envoy's admin interface; the edge has no admin port");
        YamlSection resources = root.section("static_resources");
        List<YamlSection> listeners = resources.sections("listeners");
        if (listeners.size() != 1) {
            throw new UnhonouredConfigException(
                    "the edge serves exactly one listener; envoy.yaml has " + listeners.size());
        }
        Map<String, FrontDoorConfig.Cluster> clusters = clusters(resources.sections("clusters"));
        resources.done();
        root.done();
        return listener(listeners.get(0), clusters);
    }

    private static FrontDoorConfig listener(YamlSection listener, Map<String, FrontDoorConfig.Cluster> clusters) {
        listener.string("name");
        FrontDoorConfig.Endpoint listen = socketAddress(listener.section("address"));
        List<YamlSection> chains = listener.sections("filter_chains");
        listener.done();
        if (chains.size() != 1) {
            throw new UnhonouredConfigException(listener.path() + ": the edge serves exactly one filter chain");
        }
        List<YamlSection> filters = chains.get(0).sections("filters");
        chains.get(0).done();
        if (filters.size() != 1
                || !filters.get(0).string("name").equals("envoy.filters.network.http_connection_manager")) {
            throw new UnhonouredConfigException(chains.get(0).path() + ": the edge is one http_connection_manager");
        }
        YamlSection hcm = filters.get(0).section("typed_config");
        filters.get(0).done();
        hcm.expect("@type", HCM);
        hcm.notApplicableLocally("stat_prefix", "Envoy's statistics");
        hcm.expect("codec_type", "AUTO");
        boolean useRemoteAddress = hcm.flag("use_remote_address", false);
        int trustedHops = (int) hcm.integer("xff_num_trusted_hops", 0);
        if (trustedHops != 0) {
            throw new UnhonouredConfigException(
                    hcm.path() + ".xff_num_trusted_hops: the edge trusts no hop in front of it");
        }
        boolean generateRequestId = hcm.flag("generate_request_id", true);
        boolean requestIdInResponse = hcm.flag("always_set_request_id_in_response", false);
        AccessLogFormat accessLog = accessLog(hcm.sections("access_log"));

        YamlSection routeConfig = hcm.section("route_config");
        routeConfig.string("name");
        List<YamlSection> hosts = routeConfig.sections("virtual_hosts");
        routeConfig.done();
        if (hosts.size() != 1) {
            throw new UnhonouredConfigException(routeConfig.path() + ": the edge serves exactly one virtual host");
        }
        YamlSection host = hosts.get(0);
        host.string("name");
        if (!host.strings("domains").equals(List.of("*"))) {
            throw new UnhonouredConfigException(host.path() + ".domains: the edge serves every domain (\"*\") only");
        }
        YamlSection perFilter = host.section("typed_per_filter_config");
        CorsPolicy cors = perFilter.has("envoy.filters.http.cors")
                ? cors(perFilter.section("envoy.filters.http.cors"))
                : CorsPolicy.NONE;
        perFilter.done();
        RouteTable routes = new RouteTable(host.sections("routes").stream().map(EnvoyYaml::route).toList());
        host.done();

        boolean grpcWeb = false;
        TranscoderSettings transcoder = null;
        RateLimitPolicy rateLimit = null;
        List<String> seen = new ArrayList<>();
        for (YamlSection filter : hcm.sections("http_filters")) {
            String name = filter.string("name");
            int position = FILTER_ORDER.indexOf(name);
            if (position < 0) {
                throw new UnhonouredConfigException(filter.path() + ": the edge does not implement " + name);
            }
            if (!seen.isEmpty() && FILTER_ORDER.indexOf(seen.get(seen.size() - 1)) >= position) {
                throw new UnhonouredConfigException(
                        filter.path() + ": the edge applies its filters in the order " + FILTER_ORDER);
            }
            seen.add(name);
            YamlSection config = filter.section("typed_config");
            filter.done();
            switch (name) {
                case "envoy.filters.http.grpc_web" -> {
                    config.expect("@type", TYPES + "extensions.filters.http.grpc_web.v3.GrpcWeb");
                    grpcWeb = true;
                }
                case "envoy.filters.http.cors" ->
                    config.expect("@type", TYPES + "extensions.filters.http.cors.v3.Cors");
                case "envoy.filters.http.grpc_json_transcoder" -> transcoder = transcoder(config);
                case "envoy.filters.http.local_ratelimit" -> rateLimit = rateLimit(config);
                default -> config.expect("@type", TYPES + "extensions.filters.http.router.v3.Router");
            }
            config.done();
        }
        if (seen.isEmpty() || !seen.get(seen.size() - 1).equals("envoy.filters.http.router")) {
            throw new UnhonouredConfigException(hcm.path() + ".http_filters: the router must come last");
        }
        hcm.done();

        Set<String> unknown = new HashSet<>();
        routes.routes().forEach(route -> {
            if (route.action() instanceof Route.Forward forward && !clusters.containsKey(forward.cluster())) {
                unknown.add(route.name() + " → " + forward.cluster());
            }
        });
        if (!unknown.isEmpty()) {
            throw new UnhonouredConfigException("routes name clusters envoy.yaml does not declare: " + unknown);
        }
        return new FrontDoorConfig(listen, generateRequestId, requestIdInResponse, useRemoteAddress, trustedHops,
                grpcWeb,
                accessLog, cors, routes, transcoder, rateLimit, clusters);
    }

    private static AccessLogFormat accessLog(List<YamlSection> logs) {
        if (logs.isEmpty()) {
            return null;
        }
        if (logs.size() != 1) {
            throw new UnhonouredConfigException("the edge writes one access log");
        }
        YamlSection log = logs.get(0);
        log.expect("name", "envoy.access_loggers.stdout");
        YamlSection typed = log.section("typed_config");
        log.done();
        typed.expect("@type", TYPES + "extensions.access_loggers.stream.v3.StdoutAccessLog");
        YamlSection format = typed.section("log_format");
        typed.done();
        YamlSection json = format.section("json_format");
        format.done();
        Map<String, String> fields = new LinkedHashMap<>();
        json.keys().forEach(key -> fields.put(key, json.string(key)));
        try {
            return AccessLogFormat.parse(fields);
        } catch (IllegalArgumentException e) {
            throw new UnhonouredConfigException(json.path() + ": " + e.getMessage());
        }
    }

    private static Route route(YamlSection route) {
        String name = route.string("name");
        YamlSection match = route.section("match");
        PathMatch pathMatch;
        if (match.has("path")) {
            pathMatch = new PathMatch.Exact(match.string("path"));
        } else if (match.has("prefix")) {
            pathMatch = new PathMatch.Prefix(match.string("prefix"));
        } else if (match.has("safe_regex")) {
            YamlSection regex = match.section("safe_regex");
            pathMatch = new PathMatch.Regex(Pattern.compile(regex.string("regex")));
            regex.done();
        } else {
            throw new UnhonouredConfigException(match.path() + ": the edge matches on path, prefix or safe_regex");
        }
        match.done();
        Route.Action action;
        if (route.has("direct_response")) {
            YamlSection direct = route.section("direct_response");
            action = new Route.DirectResponse(direct.integer("status"));
            direct.done();
        } else {
            YamlSection forward = route.section("route");
            String cluster = forward.string("cluster");
            Duration timeout = forward.duration("timeout", Duration.ofSeconds(15));
            RetryPolicy retry = RetryPolicy.NONE;
            if (forward.has("retry_policy")) {
                YamlSection policy = forward.section("retry_policy");
                Set<String> on = Set.of(policy.string("retry_on").split("\\s*,\\s*"));
                Set<String> unknownConditions = on.stream().filter(c -> !RetryPolicy.GRPC_CONDITIONS.containsKey(c))
                        .collect(Collectors.toSet());
                if (!unknownConditions.isEmpty()) {
                    throw new UnhonouredConfigException(policy.path() + ".retry_on: the edge retries on gRPC statuses "
                            + RetryPolicy.GRPC_CONDITIONS.keySet() + ", not " + unknownConditions);
                }
                retry = new RetryPolicy(on, (int) policy.integer("num_retries", 1));
                policy.done();
            }
            forward.done();
            action = new Route.Forward(cluster, timeout, retry);
        }
        route.done();
        return new Route(name, pathMatch, action);
    }

    private static CorsPolicy cors(YamlSection policy) {
        policy.expect("@type", TYPES + "extensions.filters.http.cors.v3.CorsPolicy");
        List<Predicate<String>> origins = new ArrayList<>();
        for (YamlSection matcher : policy.sections("allow_origin_string_match")) {
            if (matcher.has("exact")) {
                String exact = matcher.string("exact");
                origins.add(exact::equals);
            } else if (matcher.has("prefix")) {
                String prefix = matcher.string("prefix");
                origins.add(origin -> origin.startsWith(prefix));
            } else if (matcher.has("suffix")) {
                String suffix = matcher.string("suffix");
                origins.add(origin -> origin.endsWith(suffix));
            } else if (matcher.has("safe_regex")) {
                YamlSection regex = matcher.section("safe_regex");
                Pattern pattern = Pattern.compile(regex.string("regex"));
                regex.done();
                origins.add(origin -> pattern.matcher(origin).matches());
            }
            matcher.done();
        }
        CorsPolicy cors = new CorsPolicy(List.copyOf(origins), policy.string("allow_methods", ""),
                policy.string("allow_headers", ""), policy.string("expose_headers", ""), policy.string("max_age", ""),
                policy.flag("allow_credentials", false));
        policy.done();
        return cors;
    }

    private static TranscoderSettings transcoder(YamlSection config) {
        config.expect("@type", TYPES + "extensions.filters.http.grpc_json_transcoder.v3.GrpcJsonTranscoder");
        Path descriptor = Path.of(config.string("proto_descriptor"));
        List<String> services = config.strings("services");
        YamlSection print = config.section("print_options");
        JsonReplies.PrintOptions printOptions = new JsonReplies.PrintOptions(
                print.flag("always_print_primitive_fields", false),
                print.flag("always_print_enums_as_ints", false),
                print.flag("preserve_proto_field_names", false));
        print.done();
        // The edge always answers errors as a google.rpc.Status body, so it must be asked for.
        config.expect("convert_grpc_status", true);
        YamlSection validation = config.section("request_validation_options");
        boolean rejectUnknownMethod = validation.flag("reject_unknown_method", false);
        boolean rejectUnknownQuery = validation.flag("reject_unknown_query_parameters", false);
        validation.done();
        return new TranscoderSettings(descriptor, services, printOptions, rejectUnknownMethod, rejectUnknownQuery);
    }

    private static RateLimitPolicy rateLimit(YamlSection config) {
        config.expect("@type", TYPES + "extensions.filters.http.local_ratelimit.v3.LocalRateLimit");
        config.notApplicableLocally("stat_prefix", "Envoy's statistics");
        // Envoy requires the shared bucket; it serves requests no descriptor matched, and every
        // request here matches the remote_address descriptor.
        bucket(config.section("token_bucket"));
        for (String percent : List.of("filter_enabled", "filter_enforced")) {
            YamlSection enabled = config.section(percent);
            enabled.section("default_value").expect("numerator", 100).expect("denominator", "HUNDRED").done();
            enabled.done();
        }
        List<YamlSection> limits = config.sections("rate_limits");
        if (limits.size() != 1) {
            throw new UnhonouredConfigException(
                    config.path() + ".rate_limits: the edge limits per client address only");
        }
        List<YamlSection> actions = limits.get(0).sections("actions");
        limits.get(0).done();
        if (actions.size() != 1 || !actions.get(0).has("remote_address")) {
            throw new UnhonouredConfigException(
                    config.path() + ".rate_limits: the edge's one action is remote_address");
        }
        actions.get(0).section("remote_address").done();
        actions.get(0).done();
        List<YamlSection> descriptors = config.sections("descriptors");
        if (descriptors.size() != 1) {
            throw new UnhonouredConfigException(
                    config.path() + ".descriptors: the edge has one bucket per client address");
        }
        List<YamlSection> entries = descriptors.get(0).sections("entries");
        if (entries.size() != 1) {
            throw new UnhonouredConfigException(descriptors.get(0).path() + ".entries: one remote_address entry");
        }
        entries.get(0).expect("key", "remote_address").done();
        TokenBucket perClient = bucket(descriptors.get(0).section("token_bucket"));
        descriptors.get(0).done();
        int maxClients = (int) config.integer("max_dynamic_descriptors", 20);
        config.expect("always_consume_default_token_bucket", false);
        boolean resourceExhausted = config.flag("rate_limited_as_resource_exhausted", false);
        Map<String, String> headers = new LinkedHashMap<>();
        for (YamlSection option : config.sections("response_headers_to_add")) {
            YamlSection header = option.section("header");
            headers.put(header.string("key"), header.string("value"));
            header.done();
            option.done();
        }
        return new RateLimitPolicy(perClient, maxClients, Map.copyOf(headers), resourceExhausted);
    }

    private static TokenBucket bucket(YamlSection bucket) {
        TokenBucket result = new TokenBucket(bucket.integer("max_tokens"), bucket.integer("tokens_per_fill", 1),
                bucket.duration("fill_interval", Duration.ofSeconds(1)));
        bucket.done();
        return result;
    }

    private static Map<String, FrontDoorConfig.Cluster> clusters(List<YamlSection> sections) {
        Map<String, FrontDoorConfig.Cluster> clusters = new LinkedHashMap<>();
        for (YamlSection cluster : sections) {
            String name = cluster.string("name");
            cluster.notApplicableLocally("type", "the edge resolves the one endpoint's name when it connects");
            Duration connectTimeout = cluster.duration("connect_timeout", Duration.ofSeconds(5));
            cluster.expect("lb_policy", "ROUND_ROBIN");
            YamlSection options = cluster.section("typed_extension_protocol_options");
            YamlSection http = options.section("envoy.extensions.upstreams.http.v3.HttpProtocolOptions");
            options.done();
            http.expect("@type", TYPES + "extensions.upstreams.http.v3.HttpProtocolOptions");
            YamlSection explicit = http.section("explicit_http_config");
            http.done();
            // The edge speaks HTTP/2 without TLS (h2c) to every service.
            explicit.section("http2_protocol_options").done();
            explicit.done();
            cluster.notApplicableLocally("health_checks",
                    "active health checking picks among replicas; the edge has one endpoint per cluster and "
                            + "answers UNAVAILABLE when it refuses the connection");
            YamlSection assignment = cluster.section("load_assignment");
            assignment.expect("cluster_name", name);
            List<YamlSection> endpoints = assignment.sections("endpoints");
            assignment.done();
            if (endpoints.size() != 1) {
                throw new UnhonouredConfigException(
                        assignment.path() + ": the edge forwards to one endpoint per cluster");
            }
            List<YamlSection> lbEndpoints = endpoints.get(0).sections("lb_endpoints");
            endpoints.get(0).done();
            if (lbEndpoints.size() != 1) {
                throw new UnhonouredConfigException(
                        assignment.path() + ": the edge forwards to one endpoint per cluster");
            }
            YamlSection endpoint = lbEndpoints.get(0).section("endpoint");
            lbEndpoints.get(0).done();
            FrontDoorConfig.Endpoint address = socketAddress(endpoint.section("address"));
            endpoint.done();
            cluster.done();
            clusters.put(name, new FrontDoorConfig.Cluster(name, address, connectTimeout));
        }
        // The edge reaches every cluster through one gRPC client, so one connect timeout.
        if (clusters.values().stream().map(FrontDoorConfig.Cluster::connectTimeout).distinct().count() > 1) {
            throw new UnhonouredConfigException(
                    "static_resources.clusters: the edge uses one connect_timeout for every cluster");
        }
        return Map.copyOf(clusters);
    }

    private static FrontDoorConfig.Endpoint socketAddress(YamlSection address) {
        YamlSection socket = address.section("socket_address");
        address.done();
        FrontDoorConfig.Endpoint endpoint = new FrontDoorConfig.Endpoint(socket.string("address"),
                socket.integer("port_value"));
        socket.done();
        return endpoint;
    }
}
