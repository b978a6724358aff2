package org.commercemesh.cart.shopping;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A line's chosen options as one canonical string — keys sorted, parts URL-encoded — so that
 * "the same product with the same options" is a plain equality in SQL.
 */
final class CartOptions {

    private CartOptions() {
    }

    static String canonical(Map<String, String> options) {
        return new TreeMap<>(options).entrySet().stream()
                .map(entry -> encode(entry.getKey().strip()) + "=" + encode(entry.getValue().strip()))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> parse(String canonical) {
        Map<String, String> options = new LinkedHashMap<>();
        if (!canonical.isEmpty()) {
            for (String pair : canonical.split("&")) {
                String[] parts = pair.split("=", 2);
                options.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return options;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
