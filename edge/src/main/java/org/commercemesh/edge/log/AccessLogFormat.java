package org.commercemesh.edge.log;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access log's json_format from envoy.yaml: each field is one Envoy command operator. The
 * edge knows the operators listed in {@link Operator}; any other is refused when the config is
 * read, so the two runtimes log the same fields.
 */
public record AccessLogFormat(Map<String, Operator> fields) {

    private static final Pattern REQ = Pattern.compile("%REQ\\(([:A-Za-z0-9-]+)(?:\\?([:A-Za-z0-9-]+))?\\)%");

    public sealed interface Operator {
    }

    public record Simple(String name) implements Operator {
    }

    /** %REQ(X)% or %REQ(X?Y)%: a request header, or a second one when the first is absent (":PATH" is the path). */
    public record RequestHeader(String header, String fallback) implements Operator {
    }

    private static final Set<String> SIMPLE = Set.of(
            "%START_TIME%", "%DOWNSTREAM_REMOTE_ADDRESS_WITHOUT_PORT%", "%RESPONSE_CODE%",
            "%GRPC_STATUS%", "%UPSTREAM_CLUSTER%", "%DURATION%");

    public static AccessLogFormat parse(Map<String, String> jsonFormat) {
        Map<String, Operator> fields = new LinkedHashMap<>();
        jsonFormat.forEach((field, operator) -> fields.put(field, operator(field, operator)));
        return new AccessLogFormat(fields);
    }

    private static Operator operator(String field, String operator) {
        if (SIMPLE.contains(operator)) {
            return new Simple(operator);
        }
        Matcher m = REQ.matcher(operator);
        if (m.matches()) {
            return new RequestHeader(m.group(1).toLowerCase(), m.group(2) == null ? null : m.group(2).toLowerCase());
        }
        throw new IllegalArgumentException("access log field " + field + ": the edge does not know " + operator);
    }
}
