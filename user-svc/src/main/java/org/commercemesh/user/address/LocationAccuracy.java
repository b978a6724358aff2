package org.commercemesh.user.address;

import org.commercemesh.platform.status.ContractEnum;
import org.commercemesh.user.v1.LocationPrecision;

/** How closely coordinates pin an address, stored by name in user_address.location_precision. */
public enum LocationAccuracy implements ContractEnum<LocationPrecision> {
    EXACT(LocationPrecision.LOCATION_PRECISION_EXACT),
    BUILDING(LocationPrecision.LOCATION_PRECISION_BUILDING),
    STREET(LocationPrecision.LOCATION_PRECISION_STREET),
    POSTAL_CODE(LocationPrecision.LOCATION_PRECISION_POSTAL_CODE),
    CITY(LocationPrecision.LOCATION_PRECISION_CITY),
    REGION(LocationPrecision.LOCATION_PRECISION_REGION);

    private final LocationPrecision proto;

    LocationAccuracy(LocationPrecision proto) {
        this.proto = proto;
    }

    @Override
    public LocationPrecision toProto() {
        return proto;
    }
}
