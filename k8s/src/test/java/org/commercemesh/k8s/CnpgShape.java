package org.commercemesh.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CloudNativePG's Cluster and Database as this deployment uses them, field by field: every key
 * must be one of these and every value of its type. A field the shape does not know is refused,
 * so a misspelt one cannot pass; add it here, checked against CloudNativePG's API reference,
 * when the deployment starts to use it.
 */
final class CnpgShape {

    private static final String TEXT = "text";
    private static final String NUMBER = "number";
    private static final String FLAG = "flag";
    private static final String TEXT_MAP = "text map";

    private static final Map<String, Object> NAME = Map.of("name", TEXT);
    private static final Map<String, Object> SECRET_KEY = Map.of("name", TEXT, "key", TEXT);
    private static final Map<String, Object> METADATA = Map.of("name", TEXT, "namespace", TEXT, "labels", TEXT_MAP,
            "annotations", TEXT_MAP);

    private static final Map<String, Object> CLUSTER = Map.of("apiVersion", TEXT, "kind", TEXT, "metadata", METADATA,
            "spec", Map.of(
                    "instances", NUMBER,
                    "imageName", TEXT,
                    "storage", Map.of("size", TEXT, "storageClass", TEXT),
                    "resources", Map.of("requests", TEXT_MAP, "limits", TEXT_MAP),
                    "postgresql", Map.of("parameters", TEXT_MAP),
                    "managed", Map.of("roles", List.of(Map.of("name", TEXT, "ensure", TEXT, "login", FLAG,
                            "passwordSecret", NAME))),
                    "backup", Map.of("retentionPolicy", TEXT, "barmanObjectStore", Map.of(
                            "destinationPath", TEXT,
                            "s3Credentials", Map.of("accessKeyId", SECRET_KEY, "secretAccessKey", SECRET_KEY),
                            "wal", Map.of("compression", TEXT)))));

    private static final Map<String, Object> DATABASE = Map.of("apiVersion", TEXT, "kind", TEXT, "metadata", METADATA,
            "spec", Map.of("cluster", NAME, "name", TEXT, "owner", TEXT, "extensions",
                    List.of(Map.of("name", TEXT, "ensure", TEXT))));

    private CnpgShape() {
    }

    static List<String> check(Map<String, Object> object) {
        List<String> problems = new ArrayList<>();
        if (!"postgresql.cnpg.io/v1".equals(object.get("apiVersion"))) {
            problems.add("apiVersion must be postgresql.cnpg.io/v1");
        }
        Object shape = switch (String.valueOf(object.get("kind"))) {
            case "Cluster" -> CLUSTER;
            case "Database" -> DATABASE;
            default -> null;
        };
        if (shape == null) {
            problems.add("kind " + object.get("kind") + " is not one this deployment checks");
        } else {
            check("", object, shape, problems);
        }
        return problems;
    }

    @SuppressWarnings("unchecked")
    private static void check(String path, Object value, Object shape, List<String> problems) {
        if (shape instanceof Map<?, ?> fields) {
            if (!(value instanceof Map<?, ?> given)) {
                problems.add(path + " must be a mapping");
                return;
            }
            for (Map.Entry<?, ?> entry : given.entrySet()) {
                String field = path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey();
                Object fieldShape = ((Map<String, Object>) fields).get(String.valueOf(entry.getKey()));
                if (fieldShape == null) {
                    problems.add("unknown field " + field);
                } else {
                    check(field, entry.getValue(), fieldShape, problems);
                }
            }
        } else if (shape instanceof List<?> items) {
            if (!(value instanceof List<?> given)) {
                problems.add(path + " must be a list");
                return;
            }
            for (int i = 0; i < given.size(); i++) {
                check(path + "[" + i + "]", given.get(i), items.get(0), problems);
            }
        } else {
            boolean fits = switch ((String) shape) {
                case TEXT -> value instanceof String;
                case NUMBER -> value instanceof Integer || value instanceof Long;
                case FLAG -> value instanceof Boolean;
                default -> value instanceof Map<?, ?> map && map.values().stream().allMatch(v -> v instanceof String);
            };
            if (!fits) {
                problems.add(path + " must be " + (shape.equals(TEXT_MAP) ? "a mapping of text" : "a " + shape)
                        + ", not " + value);
            }
        }
    }
}
