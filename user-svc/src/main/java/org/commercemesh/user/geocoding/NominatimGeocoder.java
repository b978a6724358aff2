package org.commercemesh.user.geocoding;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.commercemesh.platform.error.UnavailableException;
import org.commercemesh.platform.http.ProviderHttp;
import org.commercemesh.user.address.LocationAccuracy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * OpenStreetMap Nominatim's search API ({@code GET /search?format=jsonv2}, structured query:
 * street, city, state, postalcode, countrycodes), or any service speaking it. Nominatim's usage
 * policy asks for an identifying User-Agent; the first result is taken, its
 * {@code addresstype} telling how precise it is.
 */
@Singleton
@Typed(NominatimGeocoder.class)
public class NominatimGeocoder implements Geocoder {

    private static final Set<String> BUILDING = Set.of("house", "building", "amenity", "shop", "office");
    private static final Set<String> STREET = Set.of("road", "street", "residential");
    private static final Set<String> CITY = Set.of("city", "town", "village", "hamlet", "suburb", "neighbourhood",
            "quarter", "city_district", "municipality");

    private final ProviderHttp http;
    private final String searchUrl;
    private final String userAgent;

    public NominatimGeocoder(ProviderHttp http,
            @ConfigProperty(name = "commerce.geocoding.nominatim.base-url") String baseUrl,
            @ConfigProperty(name = "commerce.geocoding.nominatim.user-agent") String userAgent) {
        this.http = http;
        this.searchUrl = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + "/search";
        this.userAgent = userAgent;
    }

    @Override
    public Uni<Optional<Point>> geocode(Place place) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("format", "jsonv2");
        query.put("limit", "1");
        query.put("street", place.street());
        query.put("city", place.city());
        if (!place.region().isEmpty()) {
            query.put("state", place.region());
        }
        query.put("postalcode", place.postalCode());
        query.put("countrycodes", place.countryCode().toLowerCase(Locale.ROOT));
        HttpRequest request = HttpRequest.newBuilder(URI.create(searchUrl + "?" + encode(query)))
                .timeout(ProviderHttp.TIMEOUT).header("User-Agent", userAgent).header("Accept", "application/json")
                .GET().build();
        return http.send("the geocoder", request).map(response -> {
            if (response.statusCode() != 200) {
                throw new UnavailableException("the geocoder answered HTTP " + response.statusCode());
            }
            JsonArray results = new JsonArray(response.body());
            if (results.isEmpty()) {
                return Optional.empty();
            }
            JsonObject first = results.getJsonObject(0);
            return Optional.of(new Point(Double.parseDouble(first.getString("lat")),
                    Double.parseDouble(first.getString("lon")), precision(first.getString("addresstype", ""))));
        });
    }

    static LocationAccuracy precision(String addressType) {
        if (BUILDING.contains(addressType)) {
            return LocationAccuracy.BUILDING;
        }
        if (STREET.contains(addressType)) {
            return LocationAccuracy.STREET;
        }
        if ("postcode".equals(addressType)) {
            return LocationAccuracy.POSTAL_CODE;
        }
        return CITY.contains(addressType) ? LocationAccuracy.CITY : LocationAccuracy.REGION;
    }

    private static String encode(Map<String, String> query) {
        return query.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
