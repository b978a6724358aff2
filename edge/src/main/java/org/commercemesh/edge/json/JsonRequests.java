package org.commercemesh.edge.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Builds the gRPC request message of a JSON call the way Envoy's transcoder does: the body
 * ({@code "*"} or one field), then query parameters for the fields neither the body nor the
 * path binds, then the path variables, which win.
 */
public final class JsonRequests {

    private static final Set<String> STRING_VALUED_MESSAGES = Set.of(
            "google.protobuf.Timestamp", "google.protobuf.Duration", "google.protobuf.FieldMask",
            "google.protobuf.StringValue", "google.protobuf.Int64Value", "google.protobuf.UInt64Value",
            "google.protobuf.Int32Value", "google.protobuf.UInt32Value", "google.protobuf.DoubleValue",
            "google.protobuf.FloatValue", "google.protobuf.BytesValue");

    private final JsonFormat.Parser parser;
    private final boolean rejectUnknownQueryParameters;

    public JsonRequests(JsonFormat.TypeRegistry types, boolean rejectUnknownQueryParameters) {
        this.parser = JsonFormat.parser().usingTypeRegistry(types);
        this.rejectUnknownQueryParameters = rejectUnknownQueryParameters;
    }

    public DynamicMessage build(JsonApi.Match match, Map<String, List<String>> query, String body) {
        HttpBinding binding = match.binding();
        Descriptor type = binding.method().getInputType();
        DynamicMessage.Builder message = DynamicMessage.newBuilder(type);
        if (!binding.body().isEmpty()) {
            mergeBody(message, binding, body);
        } else if (!body.isBlank()) {
            throw new JsonRequestException(binding.httpMethod() + " " + binding.template() + " takes no request body");
        }
        if (!binding.wholeBody()) {
            JsonObject fromQuery = new JsonObject();
            query.forEach((name, values) -> bindQuery(fromQuery, type, name, values, binding));
            merge(message, fromQuery);
        }
        // One variable at a time, into the message as it stands: JSON merge would replace a
        // message field the body filled (PATCH /v1/products/{product.id} with body "product").
        match.variables().forEach((field, value) -> {
            JsonObject fromPath = new JsonObject();
            List<FieldDescriptor> parents = put(fromPath, type, field, List.of(value), false);
            mergeAt(message, parents, leaf(fromPath, parents));
        });
        return message.build();
    }

    private void mergeBody(DynamicMessage.Builder message, HttpBinding binding, String body) {
        String json = body.isBlank() ? "{}" : body;
        if (binding.wholeBody()) {
            merge(message, json);
            return;
        }
        FieldDescriptor field = message.getDescriptorForType().findFieldByName(binding.body());
        if (field == null || field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isRepeated()) {
            throw new IllegalStateException(
                    "body field " + binding.body() + " of " + binding.grpcPath() + " is not a message");
        }
        DynamicMessage.Builder part = DynamicMessage.newBuilder(field.getMessageType());
        merge(part, json);
        message.setField(field, part.build());
    }

    private void bindQuery(JsonObject target, Descriptor type, String name, List<String> values, HttpBinding binding) {
        if (binding.template().fieldPaths().contains(name) || !binding.body().isEmpty()
                && (name.equals(binding.body()) || name.startsWith(binding.body() + "."))) {
            return;
        }
        put(target, type, name, values, true);
    }

    /**
     * Places the string values at a dotted field path, typed so the JSON parser accepts them;
     * returns the message fields on the way to the leaf.
     */
    private List<FieldDescriptor> put(JsonObject target, Descriptor type, String fieldPath, List<String> values,
            boolean fromQuery) {
        String[] names = fieldPath.split("\\.");
        JsonObject node = target;
        Descriptor current = type;
        List<FieldDescriptor> parents = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            FieldDescriptor field = field(current, names[i]);
            if (field == null) {
                if (fromQuery && !rejectUnknownQueryParameters) {
                    return parents;
                }
                throw new JsonRequestException("unknown " + (fromQuery ? "query parameter " : "field ") + fieldPath);
            }
            boolean last = i == names.length - 1;
            if (!last) {
                if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isRepeated()) {
                    throw new JsonRequestException(fieldPath + " does not name a field");
                }
                node = child(node, field.getName());
                current = field.getMessageType();
                parents.add(field);
                continue;
            }
            if (field.isMapField() || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && !STRING_VALUED_MESSAGES.contains(field.getMessageType().getFullName())) {
                throw new JsonRequestException(fieldPath + " cannot be set from a query parameter or path");
            }
            if (field.isRepeated()) {
                JsonArray array = new JsonArray();
                values.forEach(value -> array.add(scalar(field, fieldPath, value)));
                node.put(field.getName(), array);
            } else {
                if (values.size() > 1) {
                    throw new JsonRequestException(fieldPath + " takes one value");
                }
                node.put(field.getName(), scalar(field, fieldPath, values.get(0)));
            }
        }
        return parents;
    }

    private static JsonObject leaf(JsonObject root, List<FieldDescriptor> parents) {
        JsonObject node = root;
        for (FieldDescriptor parent : parents) {
            node = node.getJsonObject(parent.getName());
        }
        return node;
    }

    private void mergeAt(Message.Builder builder, List<FieldDescriptor> parents, JsonObject leafJson) {
        if (parents.isEmpty()) {
            merge(builder, leafJson.encode());
            return;
        }
        FieldDescriptor parent = parents.get(0);
        Message.Builder child = ((Message) builder.getField(parent)).toBuilder();
        mergeAt(child, parents.subList(1, parents.size()), leafJson);
        builder.setField(parent, child.build());
    }

    private static Object scalar(FieldDescriptor field, String fieldPath, String value) {
        if (field.getJavaType() == FieldDescriptor.JavaType.BOOLEAN) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new JsonRequestException(fieldPath + " must be true or false");
            }
            return Boolean.parseBoolean(value);
        }
        // Numbers, enums (by name or number) and the string-valued well-known types all accept
        // a JSON string in proto3's JSON mapping.
        return value;
    }

    private static FieldDescriptor field(Descriptor type, String name) {
        FieldDescriptor byName = type.findFieldByName(name);
        if (byName != null) {
            return byName;
        }
        return type.getFields().stream().filter(f -> f.getJsonName().equals(name)).findFirst().orElse(null);
    }

    private static JsonObject child(JsonObject node, String name) {
        if (!node.containsKey(name)) {
            node.put(name, new JsonObject());
        }
        return node.getJsonObject(name);
    }

    private void merge(Message.Builder message, JsonObject json) {
        if (!json.isEmpty()) {
            merge(message, json.encode());
        }
    }

    private void merge(Message.Builder message, String json) {
        try {
            parser.merge(json, message);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new JsonRequestException(
                    "invalid JSON for " + message.getDescriptorForType().getName() + ": " + e.getMessage());
        }
    }
}
