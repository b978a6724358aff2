package org.commercemesh.edge.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void givenVariablesAndAVerb_whenAPathMatches_thenTheVariablesAreDecodedOnce() {
        PathTemplate template = PathTemplate.parse("/v1/apiClients/{client_id}:revoke");

        assertThat(template.match("/v1/apiClients/a%20b:revoke")).hasValue(Map.of("client_id", "a b"));
        assertThat(template.match("/v1/apiClients/a")).isEmpty();
        assertThat(template.match("/v1/apiClients/a:rotate")).isEmpty();
    }

    @Test
    void givenANestedFieldPath_thenItIsBoundWhole() {
        assertThat(PathTemplate.parse("/v1/products/{product.id}").match("/v1/products/p-1"))
                .hasValue(Map.of("product.id", "p-1"));
    }

    @Test
    void givenAVariableWithASegmentPattern_thenItSpansThoseSegments() {
        PathTemplate template = PathTemplate.parse("/v1/{name=shelves/*/books/*}");

        assertThat(template.match("/v1/shelves/s1/books/b2")).hasValue(Map.of("name", "shelves/s1/books/b2"));
        assertThat(template.match("/v1/shelves/s1")).isEmpty();
    }

    @Test
    void givenACollectionAndAnItemTemplate_thenNeitherMatchesTheOthersPath() {
        assertThat(PathTemplate.parse("/v1/products").match("/v1/products/p-1")).isEmpty();
        assertThat(PathTemplate.parse("/v1/products/{product_id}").match("/v1/products")).isEmpty();
        assertThat(PathTemplate.parse("/v1/products/{product_id}").match("/v1/products/")).isEmpty();
        assertThat(PathTemplate.parse("/v1/products:search").match("/v1/products:search")).hasValue(Map.of());
    }

    @Test
    void givenAColonBeforeTheLastSegment_thenTheTemplateIsRefusedAsEnvoyRefusesIt() {
        assertThatThrownBy(() -> PathTemplate.parse("/v1/wishlists:default/items"))
                .hasMessageContaining("':' is only allowed before the final verb");
        assertThatThrownBy(() -> PathTemplate.parse("/v1/products:bySlug/{slug}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathTemplate.parse("/v1/{unclosed")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathTemplate.parse("/v1/**/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
