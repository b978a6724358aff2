package org.commercemesh.edge.route;

import java.util.regex.Pattern;

/** Envoy's route match on the request path: exact, prefix, or a regex over the whole path. */
public sealed interface PathMatch {

    boolean matches(String path);

    record Exact(String path) implements PathMatch {
        public boolean matches(String candidate) {
            return path.equals(candidate);
        }
    }

    record Prefix(String prefix) implements PathMatch {
        public boolean matches(String candidate) {
            return candidate.startsWith(prefix);
        }
    }

    /** Envoy's safe_regex (RE2) must match the whole path; Java's matches() does the same. */
    record Regex(Pattern pattern) implements PathMatch {
        public boolean matches(String candidate) {
            return pattern.matcher(candidate).matches();
        }
    }
}
