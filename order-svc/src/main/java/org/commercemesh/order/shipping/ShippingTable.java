package org.commercemesh.order.shipping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * The shop's own rates (commerce.shipping.table): per zone and service a base fee for the first
 * kilogram, a fee for each further started kilogram, and the days it takes. The zone is
 * {@code domestic} for the origin country, {@code international} otherwise.
 */
@ConfigMapping(prefix = "commerce.shipping.table")
public interface ShippingTable {

    /** The shop's country: its addresses are domestic. */
    String originCountry();

    /** Zone → service → tier. */
    Map<String, Map<String, Tier>> zones();

    interface Tier {
        BigDecimal base();

        BigDecimal perKg();

        int days();
    }

    /** Every service's tier for {@code zone}, cheapest first. */
    default List<Map.Entry<String, Tier>> tiersOf(String zone) {
        return zones().getOrDefault(zone, Map.of()).entrySet().stream()
                .sorted(Map.Entry.comparingByValue((a, b) -> a.base().compareTo(b.base()))).toList();
    }
}
