package org.commercemesh.order.shipping;

import org.commercemesh.order.v1.AddressSnapshot;
import org.commercemesh.user.v1.Address;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

/** Where parcels go: an address as it was when quoted or ordered, and its stored JSON. */
public final class Destinations {

    private Destinations() {
    }

    public static AddressSnapshot of(Address address) {
        AddressSnapshot.Builder snapshot = AddressSnapshot.newBuilder()
                .setRecipientName(address.getRecipientName()).setPhone(address.getPhone())
                .setLine1(address.getLine1()).setLine2(address.getLine2()).setCity(address.getCity())
                .setRegion(address.getRegion()).setPostalCode(address.getPostalCode())
                .setCountryCode(address.getCountryCode())
                .setDeliveryInstructions(address.getDeliveryInstructions());
        if (address.hasLocation()) {
            snapshot.setLocation(address.getLocation());
        }
        return snapshot.build();
    }

    public static String json(AddressSnapshot snapshot) {
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(snapshot);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an AddressSnapshot always prints", e);
        }
    }

    public static AddressSnapshot parse(String json) {
        try {
            AddressSnapshot.Builder snapshot = AddressSnapshot.newBuilder();
            JsonFormat.parser().merge(json, snapshot);
            return snapshot.build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored address snapshot is not AddressSnapshot JSON", e);
        }
    }
}
