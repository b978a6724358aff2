package org.commercemesh.user.address;

import org.commercemesh.platform.status.ContractEnum;
import org.commercemesh.user.v1.LocationSource;

/** Where an address's coordinates came from, stored by name in user_address.location_source. */
public enum LocationOrigin implements ContractEnum<LocationSource> {
    CLIENT(LocationSource.LOCATION_SOURCE_CLIENT),
    GEOCODER(LocationSource.LOCATION_SOURCE_GEOCODER);

    private final LocationSource proto;

    LocationOrigin(LocationSource proto) {
        this.proto = proto;
    }

    @Override
    public LocationSource toProto() {
        return proto;
    }
}
