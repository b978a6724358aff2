package org.commercemesh.user.geocoding;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.commercemesh.platform.provider.ProviderChoice;
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
        this.selected = ProviderChoice.of("geocoding provider", "commerce.geocoding.provider",
                provider.isBlank() ? "none" : provider, Map.<String, Supplier<Optional<Geocoder>>>of(
                        "none", Optional::empty, "nominatim", () -> Optional.of(nominatim.get())));
    }

    public Optional<Geocoder> selected() {
        return selected;
    }
}
