package org.commercemesh.edge.json;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A google.api.http path template, parsed by the grammar Envoy's transcoder uses:
 * {@code "/" Segment {"/" Segment} [":" Verb]}, a segment being a literal, {@code *},
 * {@code **} (last only) or a variable {@code {field.path}} / {@code {field.path=segments}}.
 * A ':' anywhere but before the final verb is refused, as Envoy refuses it at start-up.
 */
public final class PathTemplate {

    private sealed interface Segment {
    }

    private record Literal(String text) implements Segment {
    }

    /** {@code *} (one segment) or {@code **} (the rest of the path). */
    private record Wildcard(boolean rest) implements Segment {
    }

    /** Segments from {@code start} (inclusive) to {@code end} (exclusive) are bound to {@code fieldPath}. */
    private record Variable(String fieldPath, int start, int end) {
    }

    private final String template;
    private final List<Segment> segments;
    private final List<Variable> variables;
    private final String verb;

    private PathTemplate(String template, List<Segment> segments, List<Variable> variables, String verb) {
        this.template = template;
        this.segments = segments;
        this.variables = variables;
        this.verb = verb;
    }

    public static PathTemplate parse(String template) {
        if (!template.startsWith("/")) {
            throw invalid(template, "must start with '/'");
        }
        String body = template.substring(1);
        String verb = "";
        int lastSlash = lastOutsideBraces(body, '/');
        int colon = body.indexOf(':', lastSlash + 1);
        if (colon >= 0 && depthAt(body, colon) == 0) {
            verb = body.substring(colon + 1);
            body = body.substring(0, colon);
            if (verb.isEmpty() || verb.contains("/") || verb.contains("{")) {
                throw invalid(template, "bad verb");
            }
        }
        List<Segment> segments = new ArrayList<>();
        List<Variable> variables = new ArrayList<>();
        for (String part : splitOutsideBraces(body, template)) {
            if (part.startsWith("{")) {
                if (!part.endsWith("}")) {
                    throw invalid(template, "unclosed variable " + part);
                }
                String inner = part.substring(1, part.length() - 1);
                int eq = inner.indexOf('=');
                String field = eq < 0 ? inner : inner.substring(0, eq);
                if (!field.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
                    throw invalid(template, "bad field path " + field);
                }
                int start = segments.size();
                if (eq < 0) {
                    segments.add(new Wildcard(false));
                } else {
                    for (String sub : inner.substring(eq + 1).split("/", -1)) {
                        segments.add(plain(sub, template));
                    }
                }
                variables.add(new Variable(field, start, segments.size()));
            } else {
                segments.add(plain(part, template));
            }
        }
        for (int i = 0; i < segments.size() - 1; i++) {
            if (segments.get(i) instanceof Wildcard w && w.rest()) {
                throw invalid(template, "'**' must be the last segment");
            }
        }
        return new PathTemplate(template, List.copyOf(segments), List.copyOf(variables), verb);
    }

    /**
     * Matches a request path (without its query string). Returns the variables' values, decoded
     * once; a variable spanning several segments keeps its '/' separators.
     */
    public Optional<Map<String, String>> match(String path) {
        if (!path.startsWith("/")) {
            return Optional.empty();
        }
        String body = path.substring(1);
        String requestVerb = "";
        int lastSlash = body.lastIndexOf('/');
        int colon = body.lastIndexOf(':');
        if (colon > lastSlash) {
            requestVerb = body.substring(colon + 1);
            body = body.substring(0, colon);
        }
        if (!requestVerb.equals(verb)) {
            return Optional.empty();
        }
        String[] parts = body.split("/", -1);
        boolean rest = !segments.isEmpty() && segments.get(segments.size() - 1) instanceof Wildcard w && w.rest();
        if (rest ? parts.length < segments.size() - 1 : parts.length != segments.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < segments.size(); i++) {
            Segment segment = segments.get(i);
            if (segment instanceof Literal literal && (i >= parts.length || !literal.text().equals(parts[i]))) {
                return Optional.empty();
            }
            if (segment instanceof Wildcard w && !w.rest() && parts[i].isEmpty()) {
                return Optional.empty();
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Variable variable : variables) {
            int end = variable.end() == segments.size() && rest ? parts.length : variable.end();
            List<String> bound = new ArrayList<>();
            for (int i = variable.start(); i < end; i++) {
                bound.add(decode(parts[i]));
            }
            values.put(variable.fieldPath(), String.join("/", bound));
        }
        return Optional.of(values);
    }

    /**
     * Orders two templates that both match a path the way Envoy's path trie does: at the first
     * segment where they differ, a literal beats a wildcard.
     */
    int specificity(PathTemplate other) {
        for (int i = 0; i < Math.min(segments.size(), other.segments.size()); i++) {
            boolean mine = segments.get(i) instanceof Literal;
            boolean theirs = other.segments.get(i) instanceof Literal;
            if (mine != theirs) {
                return mine ? 1 : -1;
            }
        }
        return 0;
    }

    public List<String> fieldPaths() {
        return variables.stream().map(Variable::fieldPath).toList();
    }

    @Override
    public String toString() {
        return template;
    }

    private static Segment plain(String text, String template) {
        if (text.equals("*")) {
            return new Wildcard(false);
        }
        if (text.equals("**")) {
            return new Wildcard(true);
        }
        if (text.isEmpty() || text.contains(":") || text.contains("{") || text.contains("}") || text.contains("=")) {
            throw invalid(template, "bad segment '" + text + "' (':' is only allowed before the final verb)");
        }
        return new Literal(text);
    }

    private static String decode(String segment) {
        // '+' is a literal plus in a path, not a space: protect it from the form decoder.
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static List<String> splitOutsideBraces(String body, String template) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '/' && depth == 0) {
                parts.add(body.substring(start, i));
                start = i + 1;
            }
            if (depth < 0 || depth > 1) {
                throw invalid(template, "unbalanced braces");
            }
        }
        if (depth != 0) {
            throw invalid(template, "unbalanced braces");
        }
        parts.add(body.substring(start));
        return parts;
    }

    private static int lastOutsideBraces(String body, char wanted) {
        int found = -1;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == wanted && depthAt(body, i) == 0) {
                found = i;
            }
        }
        return found;
    }

    private static int depthAt(String body, int index) {
        int depth = 0;
        for (int i = 0; i < index; i++) {
            if (body.charAt(i) == '{') {
                depth++;
            } else if (body.charAt(i) == '}') {
                depth--;
            }
        }
        return depth;
    }

    private static IllegalArgumentException invalid(String template, String why) {
        return new IllegalArgumentException("http template " + template + ": " + why);
    }
}
