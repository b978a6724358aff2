package org.commercemesh.edge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.commercemesh.edge.config.EnvoyYaml;
import org.junit.jupiter.api.Test;

/** The HTTP face of the real contracts: every mapping in the built descriptor set loads and resolves. */
class JsonApiTest {

    static final Path DESCRIPTORS = Path.of(System.getProperty("edge.descriptor-set"));
    static final Path ENVOY_YAML = Path.of(System.getProperty("edge.envoy-config"));

    @Test
    void givenEveryTranscodedService_thenEachBindingParsesAndNamesRealFields() throws Exception {
        List<String> services = EnvoyYaml.read(ENVOY_YAML).transcoder().services();
        JsonApi api = JsonApi.load(DESCRIPTORS, services);

        assertThat(api.bindings()).hasSizeGreaterThan(50);
        assertThat(api.bindings().stream().map(b -> b.method().getService().getFullName()).distinct())
                .containsExactlyInAnyOrderElementsOf(services);
        for (HttpBinding binding : api.bindings()) {
            for (String fieldPath : binding.template().fieldPaths()) {
                assertThat(resolves(binding, fieldPath)).as(binding.template() + " binds " + fieldPath).isTrue();
            }
        }
    }

    @Test
    void givenAPath_thenItFindsTheBindingWithItsVerb() throws Exception {
        JsonApi api = JsonApi.load(DESCRIPTORS,
                List.of("commerce.order.v1.OrderService", "commerce.catalog.v1.ProductService"));

        JsonApi.Match cancel = api.find("POST", "/v1/orders/o-1:cancel").orElseThrow();
        assertThat(cancel.binding().grpcPath()).isEqualTo("/commerce.order.v1.OrderService/CancelOrder");
        assertThat(cancel.variables()).isEqualTo(Map.of("order_id", "o-1"));
        assertThat(api.find("GET", "/v1/orders/o-1").orElseThrow().binding().method().getName()).isEqualTo("GetOrder");
        assertThat(api.find("GET", "/v1/products:bySlug").orElseThrow().binding().method().getName())
                .isEqualTo("GetProduct");
        assertThat(api.find("DELETE", "/v1/orders/o-1")).isEmpty();
    }

    @Test
    void givenAServiceTheDescriptorSetLacks_thenLoadingFails() {
        assertThatThrownBy(() -> JsonApi.load(DESCRIPTORS, List.of("commerce.order.v1.Nope")))
                .hasMessageContaining("commerce.order.v1.Nope");
    }

    private static boolean resolves(HttpBinding binding, String fieldPath) {
        var type = binding.method().getInputType();
        for (String name : fieldPath.split("\\.")) {
            var field = type.findFieldByName(name);
            if (field == null) {
                return false;
            }
            if (field.getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE) {
                type = field.getMessageType();
            }
        }
        return true;
    }
}
