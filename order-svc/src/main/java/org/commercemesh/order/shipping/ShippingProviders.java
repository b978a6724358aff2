package org.commercemesh.order.shipping;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

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
        this.selected = switch (provider.strip()) {
            case "table" -> table.get();
            case "carrier" -> carrier.get();
            default -> throw new IllegalStateException("unknown shipping provider '" + provider
                    + "' in commerce.shipping.provider; this build knows: table, carrier");
        };
    }

    @Produces
    @Startup
    @ApplicationScoped
    ShippingProvider selected() {
        return selected;
    }
}
