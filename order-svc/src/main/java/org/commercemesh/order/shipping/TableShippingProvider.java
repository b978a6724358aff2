package org.commercemesh.order.shipping;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.commercemesh.order.v1.AddressSnapshot;
import org.commercemesh.platform.money.Amount;

import io.smallrye.mutiny.Uni;

/**
 * The shop ships itself at table rates (zone from the address's country, chargeable weight in
 * started kilograms). Its "shipment" is a tracking number of its own, derived from the order id
 * so that shipping an order twice yields the same one.
 */
@Singleton
@Typed(TableShippingProvider.class)
public class TableShippingProvider implements ShippingProvider {

    static final String CARRIER = "commerce-mesh";

    private final ShippingTable table;

    public TableShippingProvider(ShippingTable table) {
        this.table = table;
    }

    @Override
    public String name() {
        return "table";
    }

    @Override
    public Uni<List<Offer>> quote(Parcel parcel, AddressSnapshot to, String currency) {
        String zone = to.getCountryCode().equalsIgnoreCase(table.originCountry()) ? "domestic" : "international";
        int startedKg = Math.max(1, (parcel.chargeableGrams() + 999) / 1000);
        return Uni.createFrom().item(table.tiersOf(zone).stream().map(service -> {
            BigDecimal fee = service.getValue().base()
                    .add(service.getValue().perKg().multiply(BigDecimal.valueOf(startedKg - 1L)));
            String name = service.getKey().toUpperCase(Locale.ROOT);
            return new Offer(zone + "/" + name, CARRIER, name, new Amount(fee, currency),
                    service.getValue().days());
        }).toList());
    }

    @Override
    public Uni<String> ship(String reference, UUID orderId, Parcel parcel, AddressSnapshot to) {
        return Uni.createFrom().item("CM" + Long.toUnsignedString(orderId.getLeastSignificantBits() >>> 12, 10));
    }
}
