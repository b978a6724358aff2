package org.commercemesh.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.commercemesh.edge.route.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One config, two runtimes: the edge reads the real envoy/envoy.yaml completely, and a copy
 * that declares anything the edge does not implement stops it, naming what.
 */
class EnvoyYamlTest {

    static final Path ENVOY_YAML = Path.of(System.getProperty("edge.envoy-config"));

    @TempDir
    Path dir;

    @Test
    void givenTheRealEnvoyYaml_thenEveryDeclarationIsHonoured() throws Exception {
        FrontDoorConfig config = EnvoyYaml.read(ENVOY_YAML);

        assertThat(config.listen().port()).isEqualTo(8080);
        assertThat(config.clusters()).containsOnlyKeys("user-svc", "catalog-svc", "cart-svc", "order-svc");
        assertThat(config.clusters().get("order-svc").endpoint())
                .isEqualTo(new FrontDoorConfig.Endpoint("order-svc", 8104));
        assertThat(config.grpcWeb()).isTrue();
        assertThat(config.cors().allows("http://localhost:5173")).isTrue();
        assertThat(config.cors().allows("https://evil.example")).isFalse();
        assertThat(config.rateLimit().perClient().maxTokens()).isEqualTo(100);
        assertThat(config.rateLimit().rateLimitedAsResourceExhausted()).isTrue();
        assertThat(config.transcoder().rejectUnknownQueryParameters()).isTrue();
        assertThat(config.accessLog().fields()).containsKeys("request_id", "traceparent");

        Route read = config.routes().find("/commerce.catalog.v1.ProductService/GetProduct").orElseThrow();
        Route.Forward forward = (Route.Forward) read.action();
        assertThat(forward.cluster()).isEqualTo("catalog-svc");
        assertThat(forward.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(forward.retryPolicy().retries(14)).isTrue();
        Route write = config.routes().find("/commerce.order.v1.OrderService/PlaceOrder").orElseThrow();
        assertThat(((Route.Forward) write.action()).retryPolicy().numRetries()).isZero();
        assertThat(config.routes().find("/commerce.catalog.v1.ProductService/BatchGetProducts").orElseThrow().action())
                .isInstanceOf(Route.DirectResponse.class);
        assertThat(config.routes().find("/commerce.catalog.v1.InventoryService/ReserveStock")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a filter the edge lacks|                  - name: envoy.filters.http.router|                  - name: envoy.filters.http.jwt_authn\\n                    typed_config: {}\\n                  - name: envoy.filters.http.router|envoy.filters.http.jwt_authn",
            "a header matcher on a route|match: {path: /commerce.catalog.v1.ProductService/BatchGetProducts}|match: {path: /commerce.catalog.v1.ProductService/BatchGetProducts, headers: [{name: x-debug}]}|match.headers",
            "a CORS option|                          max_age: \"86400\"|                          max_age: \"86400\"\\n                          allow_private_network_access: true|allow_private_network_access",
            "raw gRPC errors for JSON clients|convert_grpc_status: true|convert_grpc_status: false|convert_grpc_status",
            "a retry condition the edge cannot see|retry_policy: {retry_on: unavailable, num_retries: 2}|retry_policy: {retry_on: 5xx, num_retries: 2}|retry_on",
            "a second endpoint|                    socket_address: {address: order-svc, port_value: 8104}|                    socket_address: {address: order-svc, port_value: 8104}\\n              - endpoint:\\n                  address:\\n                    socket_address: {address: order-svc-2, port_value: 8104}|one endpoint",
            "filters out of order|                  - name: envoy.filters.http.grpc_web|                  - name: envoy.filters.http.cors\\n                    typed_config:\\n                      \"@type\": type.googleapis.com/envoy.extensions.filters.http.cors.v3.Cors\\n                  - name: envoy.filters.http.grpc_web|order",
            "a partial rate limit rollout|numerator: 100, denominator: HUNDRED}\\n                      filter_enforced|numerator: 50, denominator: HUNDRED}\\n                      filter_enforced|numerator",
            "an unknown access log operator|duration_ms: \"%DURATION%\"|duration_ms: \"%DURATION%\"\\n                          agent: \"%UPSTREAM_TRANSPORT_FAILURE_REASON%\"|UPSTREAM_TRANSPORT_FAILURE_REASON",
            "a connect timeout of its own for one cluster|    - <<: *service\\n      name: cart-svc|    - <<: *service\\n      name: cart-svc\\n      connect_timeout: 3s|connect_timeout",
            "a route to a cluster that does not exist|route: {cluster: order-svc, timeout: 15s}|route: {cluster: orders, timeout: 15s}|orders",
    })
    void givenABrokenCopy_thenTheEdgeRefusesItAndNamesWhat(String what, String find, String replace, String named)
            throws Exception {
        String original = Files.readString(ENVOY_YAML);
        String wanted = find.replace("\\n", "\n");
        assertThat(original).as("the test's anchor is in envoy.yaml").contains(wanted);
        Path broken = dir.resolve("envoy.yaml");
        Files.writeString(broken, original.replace(wanted, replace.replace("\\n", "\n")));

        assertThatThrownBy(() -> EnvoyYaml.read(broken))
                .isInstanceOf(UnhonouredConfigException.class)
                .hasMessageContaining(named);
    }
}
