package org.commercemesh.edge.cors;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Envoy's CorsPolicy for the virtual host. A preflight from an allowed origin is answered at
 * the edge; an actual request from one gets the allow-origin and expose-headers added. Other
 * origins get no CORS headers, so the browser refuses the response.
 */
public record CorsPolicy(
        List<Predicate<String>> allowedOrigins,
        String allowMethods,
        String allowHeaders,
        String exposeHeaders,
        String maxAge,
        boolean allowCredentials) {

    public static final CorsPolicy NONE = new CorsPolicy(List.of(), "", "", "", "", false);

    public boolean allows(String origin) {
        return origin != null && allowedOrigins.stream().anyMatch(p -> p.test(origin));
    }

    public Optional<String> allowedOrigin(String origin) {
        return allows(origin) ? Optional.of(origin) : Optional.empty();
    }
}
