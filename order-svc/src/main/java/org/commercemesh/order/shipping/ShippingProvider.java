package org.commercemesh.order.shipping;

import java.util.List;
import java.util.UUID;

import org.commercemesh.order.v1.AddressSnapshot;
import org.commercemesh.platform.money.Amount;

import io.smallrye.mutiny.Uni;

/** Rates for a parcel to an address, and the shipment of a quoted rate (which yields its tracking number). */
public interface ShippingProvider {

    /** One way to ship; {@code reference} is what the provider needs to buy it later. */
    record Offer(String reference, String carrier, String service, Amount amount, int estimatedDays) {
    }

    /** How the provider calls itself in quotes. */
    String name();

    Uni<List<Offer>> quote(Parcel parcel, AddressSnapshot to, String currency);

    /** Buys the quoted offer for the order; idempotent per order. Returns the tracking number. */
    Uni<String> ship(String reference, UUID orderId, Parcel parcel, AddressSnapshot to);
}
