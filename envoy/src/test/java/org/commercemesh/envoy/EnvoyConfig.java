package org.commercemesh.envoy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.google.gson.Gson;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;

import io.envoyproxy.envoy.config.bootstrap.v3.Bootstrap;
import io.envoyproxy.envoy.extensions.access_loggers.stream.v3.StdoutAccessLog;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.Cors;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.http.grpc_json_transcoder.v3.GrpcJsonTranscoder;
import io.envoyproxy.envoy.extensions.filters.http.grpc_web.v3.GrpcWeb;
import io.envoyproxy.envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit;
import io.envoyproxy.envoy.extensions.filters.http.router.v3.Router;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager;
import io.envoyproxy.envoy.extensions.upstreams.http.v3.HttpProtocolOptions;

/**
 * Reads envoy.yaml the way Envoy does: YAML (anchors and merge keys resolved) into Envoy's own
 * v3 {@link Bootstrap}, with every typed config we use registered, so unknown fields, unknown
 * {@code @type}s and bad enum names are refused with the parser's message.
 */
final class EnvoyConfig {

    static final TypeRegistry TYPES = TypeRegistry.newBuilder()
            .add(HttpConnectionManager.getDescriptor())
            .add(Router.getDescriptor())
            .add(GrpcWeb.getDescriptor())
            .add(Cors.getDescriptor())
            .add(CorsPolicy.getDescriptor())
            .add(GrpcJsonTranscoder.getDescriptor())
            .add(LocalRateLimit.getDescriptor())
            .add(HttpProtocolOptions.getDescriptor())
            .add(StdoutAccessLog.getDescriptor())
            .build();

    private EnvoyConfig() {
    }

    static Bootstrap load(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    static Bootstrap parse(String yaml) throws InvalidProtocolBufferException {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Bootstrap.Builder bootstrap = Bootstrap.newBuilder();
        JsonFormat.parser().usingTypeRegistry(TYPES).merge(new Gson().toJson(tree), bootstrap);
        return bootstrap.build();
    }
}
