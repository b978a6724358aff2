package org.commercemesh.catalog.product;

import java.util.Map;

import org.commercemesh.catalog.v1.AttributeValue;
import org.commercemesh.catalog.v1.ProductImage;
import org.commercemesh.catalog.v1.StringList;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSONB documents of a product: attributes (string or list of strings) and images. */
final class ProductDocuments {

    private ProductDocuments() {
    }

    static String attributesJson(Map<String, AttributeValue> attributes) {
        JsonObject json = new JsonObject();
        attributes.forEach((name, value) -> json.put(name.strip(), value.getKindCase() == AttributeValue.KindCase.LIST
                ? new JsonArray(value.getList().getValuesList().stream().map(Object.class::cast).toList())
                : value.getText()));
        return json.encode();
    }

    static Map<String, AttributeValue> attributes(String json) {
        Map<String, AttributeValue> attributes = new java.util.LinkedHashMap<>();
        new JsonObject(json).forEach(entry -> attributes.put(entry.getKey(), entry.getValue() instanceof JsonArray list
                ? AttributeValue.newBuilder().setList(StringList.newBuilder()
                        .addAllValues(list.stream().map(String::valueOf).toList())).build()
                : AttributeValue.newBuilder().setText(String.valueOf(entry.getValue())).build()));
        return attributes;
    }

    static String imagesJson(java.util.List<ProductImage> images) {
        JsonArray json = new JsonArray();
        images.forEach(image -> json.add(new JsonObject().put("url", image.getUrl()).put("alt", image.getAltText())));
        return json.encode();
    }

    static java.util.List<ProductImage> images(String json) {
        return new JsonArray(json).stream().map(JsonObject.class::cast)
                .map(image -> ProductImage.newBuilder().setUrl(image.getString("url", ""))
                        .setAltText(image.getString("alt", "")).build())
                .toList();
    }
}
