package org.commercemesh.edge.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.commercemesh.edge.cors.CorsPolicy;
import org.commercemesh.edge.json.TranscoderSettings;
import org.commercemesh.edge.log.AccessLogFormat;
import org.commercemesh.edge.ratelimit.RateLimitPolicy;
import org.commercemesh.edge.route.RouteTable;

/**
 * Everything envoy.yaml tells the front door, as the edge applies it. The local overrides
 * ({@link #listenOn}, {@link #withCluster}, {@link #withDescriptorSet}) change where things
 * are, never what the front door does.
 *
 * @param accessLog null when envoy.yaml declares no access log
 * @param rateLimit null when envoy.yaml declares no local_ratelimit filter
 * @param transcoder null when envoy.yaml declares no grpc_json_transcoder
 */
public record FrontDoorConfig(
        Endpoint listen,
        boolean generateRequestId,
        boolean requestIdInResponse,
        boolean useRemoteAddress,
        int xffTrustedHops,
        boolean grpcWeb,
        AccessLogFormat accessLog,
        CorsPolicy cors,
        RouteTable routes,
        TranscoderSettings transcoder,
        RateLimitPolicy rateLimit,
        Map<String, Cluster> clusters) {

    public record Endpoint(String host, int port) {

        public static Endpoint parse(String hostPort) {
            int colon = hostPort.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("expected host:port, got " + hostPort);
            }
            return new Endpoint(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public record Cluster(String name, Endpoint endpoint, Duration connectTimeout) {
    }

    public FrontDoorConfig listenOn(Endpoint endpoint) {
        return new FrontDoorConfig(endpoint, generateRequestId, requestIdInResponse, useRemoteAddress, xffTrustedHops,
                grpcWeb, accessLog, cors, routes, transcoder, rateLimit, clusters);
    }

    public FrontDoorConfig withCluster(String name, Endpoint endpoint) {
        Cluster cluster = clusters.get(name);
        if (cluster == null) {
            throw new IllegalArgumentException("envoy.yaml has no cluster " + name + "; it has " + clusters.keySet());
        }
        Map<String, Cluster> changed = new LinkedHashMap<>(clusters);
        changed.put(name, new Cluster(name, endpoint, cluster.connectTimeout()));
        return new FrontDoorConfig(listen, generateRequestId, requestIdInResponse, useRemoteAddress, xffTrustedHops,
                grpcWeb, accessLog, cors, routes, transcoder, rateLimit, Map.copyOf(changed));
    }

    public FrontDoorConfig withDescriptorSet(Path descriptorSet) {
        if (transcoder == null) {
            throw new IllegalArgumentException("envoy.yaml declares no grpc_json_transcoder");
        }
        TranscoderSettings moved = new TranscoderSettings(descriptorSet, transcoder.services(),
                transcoder.printOptions(),
                transcoder.rejectUnknownMethod(), transcoder.rejectUnknownQueryParameters());
        return new FrontDoorConfig(listen, generateRequestId, requestIdInResponse, useRemoteAddress, xffTrustedHops,
                grpcWeb, accessLog, cors, routes, moved, rateLimit, clusters);
    }
}
