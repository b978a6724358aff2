package org.commercemesh.user.address;

import org.commercemesh.platform.status.ContractEnum;
import org.commercemesh.user.v1.AddressType;

/** What an address is for, stored by name in user_address.type (UNSPECIFIED when not said). */
public enum AddressKind implements ContractEnum<AddressType> {
    UNSPECIFIED(AddressType.ADDRESS_TYPE_UNSPECIFIED),
    SHIPPING(AddressType.ADDRESS_TYPE_SHIPPING),
    BILLING(AddressType.ADDRESS_TYPE_BILLING),
    SHIPPING_AND_BILLING(AddressType.ADDRESS_TYPE_SHIPPING_AND_BILLING),
    HOME(AddressType.ADDRESS_TYPE_HOME),
    WORK(AddressType.ADDRESS_TYPE_WORK),
    OTHER(AddressType.ADDRESS_TYPE_OTHER);

    private final AddressType proto;

    AddressKind(AddressType proto) {
        this.proto = proto;
    }

    @Override
    public AddressType toProto() {
        return proto;
    }
}
