package org.commercemesh.edge.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of envoy.yaml, read strictly: every key must be taken (honoured) or explicitly
 * set aside with a reason. {@link #done()} fails on whatever is left, so a setting added to
 * envoy.yaml that the edge does not implement stops the edge instead of being silently
 * ignored — one config, two runtimes that cannot drift apart.
 */
final class YamlSection {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)s");

    private final String path;
    private final Map<String, Object> values;
    private final Set<String> taken = new LinkedHashSet<>();

    YamlSection(String path, Map<String, Object> values) {
        this.path = path;
        this.values = values == null ? Map.of() : values;
    }

    String path() {
        return path;
    }

    Set<String> keys() {
        return values.keySet();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** Declares a key that only matters to Envoy itself; the reason documents why. */
    YamlSection notApplicableLocally(String key, String reason) {
        taken.add(key);
        return this;
    }

    Object raw(String key) {
        taken.add(key);
        return values.get(key);
    }

    YamlSection section(String key) {
        Object value = raw(key);
        if (value != null && !(value instanceof Map)) {
            throw new UnhonouredConfigException(child(key) + " must be a mapping");
        }
        return new YamlSection(child(key), asMap(value));
    }

    List<YamlSection> sections(String key) {
        Object value = raw(key);
        List<YamlSection> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof List<?> list)) {
            throw new UnhonouredConfigException(child(key) + " must be a list");
        }
        for (int i = 0; i < list.size(); i++) {
            result.add(new YamlSection(child(key) + "[" + i + "]", asMap(list.get(i))));
        }
        return result;
    }

    List<String> strings(String key) {
        Object value = raw(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new UnhonouredConfigException(child(key) + " must be a list");
        }
        return list.stream().map(String::valueOf).toList();
    }

    String string(String key) {
        Object value = raw(key);
        if (value == null) {
            throw new UnhonouredConfigException(child(key) + " is required");
        }
        return String.valueOf(value);
    }

    String string(String key, String fallback) {
        Object value = raw(key);
        return value == null ? fallback : String.valueOf(value);
    }

    int integer(String key) {
        return Integer.parseInt(string(key));
    }

    long integer(String key, long fallback) {
        Object value = raw(key);
        return value == null ? fallback : Long.parseLong(String.valueOf(value));
    }

    boolean flag(String key, boolean fallback) {
        Object value = raw(key);
        return value == null ? fallback : Boolean.parseBoolean(String.valueOf(value));
    }

    Duration duration(String key, Duration fallback) {
        Object value = raw(key);
        if (value == null) {
            return fallback;
        }
        Matcher m = DURATION.matcher(String.valueOf(value));
        if (!m.matches()) {
            throw new UnhonouredConfigException(child(key) + ": the edge reads durations in seconds, like \"5s\"");
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(m.group(1)) * 1000));
    }

    /** Requires a fixed value: the edge implements exactly that setting and no other. */
    YamlSection expect(String key, Object expected) {
        Object value = raw(key);
        if (value == null || !String.valueOf(value).equals(String.valueOf(expected))) {
            throw new UnhonouredConfigException(child(key) + " is " + value + "; the edge only implements " + expected);
        }
        return this;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Fails on every key that was neither taken nor set aside. */
    void done() {
        Set<String> left = new LinkedHashSet<>(values.keySet());
        left.removeAll(taken);
        if (!left.isEmpty()) {
            throw new UnhonouredConfigException(
                    "envoy.yaml declares " + left.stream().map(this::child).toList()
                            + ", which the local edge does not honour");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        if (value == null) {
            return new LinkedHashMap<>();
        }
        return (Map<String, Object>) value;
    }
}
