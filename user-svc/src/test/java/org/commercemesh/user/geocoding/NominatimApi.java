package org.commercemesh.user.geocoding;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.commercemesh.testing.http.LocalHttpServer;

import com.sun.net.httpserver.HttpExchange;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A local server speaking Nominatim's structured search ({@code GET /search?format=jsonv2}): it
 * knows the places a test teaches it, answers {@code []} for any other, refuses a request without
 * a User-Agent (as nominatim.openstreetmap.org does) and answers 503 during an outage. It keeps
 * every query it was asked.
 */
public class NominatimApi implements QuarkusTestResourceLifecycleManager {

    /** A place the server knows, by street. */
    public record Known(double latitude, double longitude, String addressType) {
    }

    private static final Map<String, Known> PLACES = new ConcurrentHashMap<>();
    private static final List<Map<String, String>> ASKED = new CopyOnWriteArrayList<>();
    private static volatile boolean down;
    private static LocalHttpServer server;

    @Override
    public Map<String, String> start() {
        server = new LocalHttpServer("/search", NominatimApi::search);
        return Map.of("commerce.geocoding.provider", "nominatim", "commerce.geocoding.nominatim.base-url",
                server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }

    public static void knows(String street, Known place) {
        PLACES.put(street, place);
    }

    public static void outage(boolean isDown) {
        down = isDown;
    }

    /** The queries asked about {@code street}. */
    public static List<Map<String, String>> askedAbout(String street) {
        return ASKED.stream().filter(query -> street.equals(query.get("street"))).toList();
    }

    private static void search(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = LocalHttpServer.form(exchange.getRequestURI().getRawQuery());
            ASKED.add(query);
            if (down) {
                LocalHttpServer.reply(exchange, 503, "<html>Service Unavailable</html>");
                return;
            }
            if (exchange.getRequestHeaders().getFirst("User-Agent") == null || !"jsonv2".equals(query.get("format"))) {
                LocalHttpServer.reply(exchange, 403, "[]");
                return;
            }
            Known place = PLACES.get(query.getOrDefault("street", ""));
            LocalHttpServer.reply(exchange, 200, place == null
                    ? "[]"
                    : "[{\"place_id\":1,\"lat\":\"" + place.latitude() + "\",\"lon\":\"" + place.longitude()
                            + "\",\"category\":\"place\",\"type\":\"" + place.addressType() + "\",\"addresstype\":\""
                            + place.addressType() + "\",\"display_name\":\"" + query.get("street") + "\"}]");
        }
    }
}
