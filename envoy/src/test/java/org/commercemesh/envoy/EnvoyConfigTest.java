package org.commercemesh.envoy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.InvalidProtocolBufferException;

/**
 * envoy/envoy.yaml as Envoy would load it, and the cross-references Envoy cannot check. Each
 * check is shown to catch a broken copy of the real file.
 */
class EnvoyConfigTest {

    private static final Path ROOT = Path.of(System.getProperty("envoy.config")).getParent().getParent();
    private static String yaml;
    private static FileDescriptorSet descriptors;
    private static Map<String, Integer> ports;

    @BeforeAll
    static void readTheRealFiles() throws IOException {
        yaml = Files.readString(Path.of(System.getProperty("envoy.config")));
        descriptors = FileDescriptorSet
                .parseFrom(Files.readAllBytes(Path.of(System.getProperty("envoy.descriptor-set"))));
        ports = new LinkedHashMap<>();
        for (String service : List.of("user-svc", "catalog-svc", "cart-svc", "order-svc")) {
            Properties properties = new Properties();
            try (InputStream in = Files
                    .newInputStream(ROOT.resolve(service + "/src/main/resources/application.properties"))) {
                properties.load(in);
            }
            ports.put(service, Integer.parseInt(properties.getProperty("quarkus.http.port")));
        }
    }

    @Test
    void givenTheShippedConfig_thenEnvoyWouldLoadItAndEveryCrossReferenceHolds() throws IOException {
        assertThat(problems(yaml)).isEmpty();
    }

    @Test
    void givenAMisspeltField_thenTheParserRefusesIt() {
        Throwable refused = catchThrowable(
                () -> EnvoyConfig.parse(yaml.replace("codec_type: AUTO", "codec_typo: AUTO")));

        assertThat(refused).isInstanceOf(InvalidProtocolBufferException.class).hasMessageContaining("codec_typo");
    }

    @Test
    void givenABadEnumOrAnUnknownType_thenTheParserRefusesThem() {
        Throwable badEnum = catchThrowable(
                () -> EnvoyConfig.parse(yaml.replace("codec_type: AUTO", "codec_type: AUTOMATIC")));
        Throwable unknownType = catchThrowable(() -> EnvoyConfig.parse(yaml.replace(
                "envoy.extensions.filters.http.grpc_web.v3.GrpcWeb",
                "envoy.extensions.filters.http.grpc_web.v3.GrpcWebb")));

        assertThat(badEnum).hasMessageContaining("AUTOMATIC");
        assertThat(unknownType).hasMessageContaining("GrpcWebb");
    }

    @Test
    void givenTheRouterBeforeAnotherFilter_thenTheOrderIsRefused() throws IOException {
        String swapped = yaml.replace("- name: envoy.filters.http.router", "- name: envoy.filters.http.PLACEHOLDER")
                .replace("- name: envoy.filters.http.local_ratelimit", "- name: envoy.filters.http.router")
                .replace("- name: envoy.filters.http.PLACEHOLDER", "- name: envoy.filters.http.local_ratelimit");

        assertThat(problems(swapped)).anyMatch(problem -> problem.contains("router last"));
    }

    @Test
    void givenAFilterSlotHoldingAnotherFiltersConfig_thenItIsNamed() throws IOException {
        String wrong = yaml.replace("\"@type\": type.googleapis.com/envoy.extensions.filters.http.cors.v3.Cors\n",
                "\"@type\": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router\n");

        assertThat(problems(wrong))
                .anyMatch(problem -> problem.contains("filter envoy.filters.http.cors must be a Cors"));
    }

    @Test
    void givenARouteToAnUndeclaredCluster_thenItIsNamed() throws IOException {
        String broken = yaml.replace("route: {cluster: cart-svc, timeout: 10s}",
                "route: {cluster: carts, timeout: 10s}");

        assertThat(problems(broken))
                .anyMatch(problem -> problem.contains("names cluster carts, which is not declared"));
    }

    @Test
    void givenAClusterSpeakingHttp1_thenItIsRefused() throws IOException {
        String http1 = yaml.replace("http2_protocol_options: {}", "http_protocol_options: {}");

        assertThat(problems(http1)).anyMatch(problem -> problem.contains("is not HTTP/2"));
    }

    @Test
    void givenAClusterAtAnotherPortThanItsService_thenItIsRefused() throws IOException {
        String moved = yaml.replace("port_value: 8104", "port_value: 9104");

        assertThat(problems(moved)).anyMatch(problem -> problem.contains("must point at the Service order-svc:8104"));
    }

    @Test
    void givenATranscodedServiceMissingOrUnknown_thenBothAreNamed() throws IOException {
        String misspelt = yaml.replace("- commerce.order.v1.OrderService\n", "- commerce.order.v1.OrdersService\n");

        assertThat(problems(misspelt))
                .anyMatch(problem -> problem.contains("commerce.order.v1.OrdersService is not in the descriptor set"))
                .anyMatch(problem -> problem.contains(
                        "commerce.order.v1.OrderService has HTTP mappings but the transcoder does not serve it"));
    }

    @Test
    void givenAnInternalServiceTranscoded_thenItIsRefused() throws IOException {
        String internal = yaml.replace("- commerce.catalog.v1.ReviewService\n",
                "- commerce.catalog.v1.ReviewService\n                        - commerce.catalog.v1.InventoryService\n");

        assertThat(problems(internal)).anyMatch(problem -> problem.contains("InventoryService has no HTTP mapping"));
    }

    @Test
    void givenInternalMethodsRouted_thenEachIsNamed() throws IOException {
        String batchGetOpen = yaml.replace("match: {path: /commerce.catalog.v1.ProductService/BatchGetProducts}",
                "match: {path: /nowhere}");
        String inventoryOpen = yaml.replace("(CategoryService|ProductService|ReviewService)/[A-Za-z]+$\"",
                "(CategoryService|ProductService|ReviewService|InventoryService)/[A-Za-z]+$\"");

        assertThat(problems(batchGetOpen)).anyMatch(problem -> problem.contains(
                "internal method /commerce.catalog.v1.ProductService/BatchGetProducts is reachable"));
        assertThat(problems(inventoryOpen)).anyMatch(problem -> problem.contains(
                "internal method /commerce.catalog.v1.InventoryService/ReserveStock is reachable"));
    }

    @Test
    void givenAWriteMatchedByARetryingRoute_thenItIsRefused() throws IOException {
        String retriedWrite = yaml.replace("OrderService/(Get|List)[A-Za-z]*$",
                "OrderService/(Get|List|Place)[A-Za-z]*$");

        assertThat(problems(retriedWrite)).anyMatch(problem -> problem.contains(
                "/commerce.order.v1.OrderService/PlaceOrder is retried"));
    }

    @Test
    void givenAnExternalServiceWithoutARoute_thenItIsNamed() throws IOException {
        String unrouted = yaml
                .replace("(CartService|WishlistService|CouponService)/[A-Za-z]+$\"", "(CartService)/[A-Za-z]+$\"")
                .replace("(CartService|WishlistService|CouponService)/(Get|List)", "(CartService)/(Get|List)");

        assertThat(problems(unrouted)).anyMatch(problem -> problem.contains(
                "method /commerce.cart.v1.WishlistService/CreateWishlist is not routed"));
    }

    @Test
    void givenAValueEnvoysOwnRulesForbid_thenTheRuleIsNamed() throws IOException {
        String emptyPrefix = yaml.replace("stat_prefix: per_client", "stat_prefix: \"\"");

        assertThat(problems(emptyPrefix))
                .anyMatch(problem -> problem.contains("stat_prefix: must be at least 1 character"));
    }

    private static List<String> problems(String config) throws IOException {
        return EdgeChecks.problems(EnvoyConfig.parse(config), descriptors, ports);
    }
}
