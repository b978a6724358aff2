package org.commercemesh.user.address;

import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.user.v1.Address;

import com.google.type.LatLng;

/** UserAddress → Address message. */
final class AddressMapper {

    private AddressMapper() {
    }

    static Address toProto(UserAddress entity) {
        Address.Builder address = Address.newBuilder()
                .setId(entity.id.toString())
                .setType(entity.type.toProto())
                .setLabel(entity.label)
                .setRecipientName(entity.recipientName)
                .setPhone(entity.phone)
                .setLine1(entity.line1)
                .setLine2(entity.line2)
                .setDeliveryInstructions(entity.deliveryInstructions)
                .setCity(entity.city)
                .setRegion(entity.region)
                .setPostalCode(entity.postalCode)
                .setCountryCode(entity.countryCode)
                .setIsDefault(entity.isDefault)
                .setCreateTime(ProtoTime.toProto(entity.createdAt))
                .setUpdateTime(ProtoTime.toProto(entity.updatedAt));
        if (entity.latitude != null && entity.longitude != null) {
            address.setLocation(LatLng.newBuilder().setLatitude(entity.latitude).setLongitude(entity.longitude));
        }
        if (entity.locationSource != null) {
            address.setLocationSource(entity.locationSource.toProto());
        }
        if (entity.locationPrecision != null) {
            address.setLocationPrecision(entity.locationPrecision.toProto());
        }
        return address.build();
    }
}
