package org.commercemesh.order.shipping;

import org.commercemesh.order.v1.ShippingRate;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.time.ProtoTime;

public final class ShippingMapper {

    private ShippingMapper() {
    }

    public static ShippingRate toProto(ShippingQuote quote) {
        return ShippingRate.newBuilder()
                .setId(quote.id.toString())
                .setCarrier(quote.carrier)
                .setService(quote.service)
                .setAmount(new Amount(quote.amount, quote.currency).toProto())
                .setEstimatedDays(quote.estimatedDays)
                .setExpireTime(ProtoTime.toProto(quote.expiresAt))
                .setChargeableGrams(quote.parcel().chargeableGrams())
                .build();
    }
}
