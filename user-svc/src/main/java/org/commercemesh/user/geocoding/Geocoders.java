package org.commercemesh.user.geocoding;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/**
 * The geocoder named by {@code commerce.geocoding.provider}: {@code nominatim}, or {@code none}
 * (the default: addresses without coordinates wait, and are geocoded once one is configured).
 * Unlike payments and texts, a shop works without one.
 */
@Startup
@ApplicationScoped
public class Geocoders {

    private final Optional<Geocoder> selected;

    public Geocoders(@ConfigProperty(name = "commerce.geocoding.provider") String provider,
            Instance<NominatimGeocoder> nominatim) {
        this.selected = switch (provider.strip()) {
            case "none", "" -> Optional.empty();
            case "nominatim" -> Optional.of(nominatim.get());
            default -> throw new IllegalStateException("unknown geocoding provider '" + provider
                    + "' in commerce.geocoding.provider; this build knows: nominatim, none");
        };
    }

    public Optional<Geocoder> selected() {
        return selected;
    }
}
