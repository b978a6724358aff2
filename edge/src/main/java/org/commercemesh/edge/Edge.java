package org.commercemesh.edge;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import org.commercemesh.edge.config.FrontDoorConfig;
import org.commercemesh.edge.grpc.GrpcPassThrough;
import org.commercemesh.edge.grpc.Upstreams;
import org.commercemesh.edge.json.JsonApi;
import org.commercemesh.edge.json.JsonGateway;
import org.commercemesh.edge.log.AccessLog;
import org.commercemesh.edge.ratelimit.RateLimiter;
import org.commercemesh.edge.site.StaticSite;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.server.GrpcProtocol;
import io.vertx.grpc.server.GrpcServer;
import io.vertx.grpc.server.GrpcServerOptions;

/**
 * The running edge: one front door per event loop (Vert.x shares the port between them), all
 * sharing the rate limiter's buckets and the access log.
 */
public final class Edge {

    /** gRPC's default message size limit; a JSON body is held to the same. */
    static final long MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

    private final Vertx vertx;
    private final FrontDoorConfig config;
    private final JsonApi jsonApi;
    private final RateLimiter rateLimiter;
    private final AccessLog accessLog;
    private final StaticSite site;
    private volatile int port;

    private Edge(Vertx vertx, FrontDoorConfig config, Path site, PrintStream accessLogOut) {
        this.vertx = vertx;
        this.config = config;
        this.site = site == null ? null : new StaticSite(site);
        try {
            this.jsonApi = config.transcoder() == null
                    ? null
                    : JsonApi.load(config.transcoder().descriptorSet(), config.transcoder().services());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the descriptor set " + config.transcoder().descriptorSet(), e);
        }
        this.rateLimiter = config.rateLimit() == null ? null : new RateLimiter(config.rateLimit());
        this.accessLog = new AccessLog(config.accessLog(), accessLogOut);
    }

    public static Future<Edge> start(FrontDoorConfig config, PrintStream accessLogOut) {
        return start(config, null, accessLogOut);
    }

    /** @param site a directory of static files (the built storefront) to serve beside the API, or null */
    public static Future<Edge> start(FrontDoorConfig config, Path site, PrintStream accessLogOut) {
        Vertx vertx = Vertx.vertx();
        Edge edge;
        try {
            edge = new Edge(vertx, config, site, accessLogOut);
        } catch (RuntimeException e) {
            vertx.close();
            return Future.failedFuture(e);
        }
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        return vertx.deployVerticle(() -> edge.new Door(), new DeploymentOptions().setInstances(instances))
                .map(id -> edge)
                .onFailure(failure -> vertx.close());
    }

    public int port() {
        return port;
    }

    public Future<Void> close() {
        return vertx.close();
    }

    /** One event loop's front door. */
    private final class Door extends VerticleBase {
        private Upstreams upstreams;

        @Override
        public Future<?> start() {
            Map<String, SocketAddress> clusters = config.clusters().values().stream().collect(Collectors.toMap(
                    FrontDoorConfig.Cluster::name,
                    cluster -> SocketAddress.inetSocketAddress(cluster.endpoint().port(), cluster.endpoint().host())));
            // EnvoyYaml refuses clusters with different connect timeouts: any one stands for all.
            FrontDoorConfig.Cluster any = config.clusters().values().iterator().next();
            upstreams = new Upstreams(vertx, clusters, any.connectTimeout(), MAX_MESSAGE_BYTES);
            GrpcServerOptions grpcOptions = new GrpcServerOptions().setMaxMessageSize(MAX_MESSAGE_BYTES)
                    .removeEnabledProtocol(GrpcProtocol.TRANSCODING);
            if (!config.grpcWeb()) {
                grpcOptions.removeEnabledProtocol(GrpcProtocol.WEB).removeEnabledProtocol(GrpcProtocol.WEB_TEXT);
            }
            GrpcServer grpc = GrpcServer.server(vertx, grpcOptions);
            grpc.callHandler(new GrpcPassThrough(config.routes(), upstreams, accessLog));
            JsonGateway json = jsonApi == null
                    ? null
                    : new JsonGateway(jsonApi, config.transcoder(), config.routes(), upstreams, accessLog,
                            MAX_MESSAGE_BYTES);
            HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                    .setHost(config.listen().host())
                    .setPort(config.listen().port())
                    .setHttp2ClearTextEnabled(true));
            Promise<Void> listening = Promise.promise();
            server.requestHandler(new FrontDoor(config, grpc, json, rateLimiter, accessLog, site))
                    .listen()
                    .onSuccess(s -> {
                        port = s.actualPort();
                        listening.complete();
                    })
                    .onFailure(listening::fail);
            return listening.future();
        }

        @Override
        public Future<?> stop() {
            return upstreams.close();
        }
    }
}
