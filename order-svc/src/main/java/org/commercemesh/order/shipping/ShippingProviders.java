package org.commercemesh.order.shipping;

import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.commercemesh.platform.provider.ProviderChoice;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.Startup;

/**
 * The provider named by {@code commerce.shipping.provider}: {@code table} (the shop's own rates,
 * the default) or {@code carrier} (a carrier aggregator's API).
 */
@ApplicationScoped
public class ShippingProviders {

    private final ShippingProvider selected;

    public ShippingProviders(@ConfigProperty(name = "commerce.shipping.provider") String provider,
            Instance<TableShippingProvider> table, Instance<CarrierShippingProvider> carrier) {
        this.selected = ProviderChoice.of("shipping provider", "commerce.shipping.provider", provider,
                Map.<String, Supplier<ShippingProvider>>of("table", () -> table.get(), "carrier", () -> carrier.get()));
    }

    @Produces
    @Startup
    @ApplicationScoped
    ShippingProvider selected() {
        return selected;
    }
}
