package org.commercemesh.cart.shopping;

import org.commercemesh.cart.v1.CartStatus;
import org.commercemesh.platform.status.ContractEnum;

/** A cart's status, stored by name in cart.status; the one mapping to the contract's {@link CartStatus}. */
public enum CartState implements ContractEnum<CartStatus> {
    ACTIVE(CartStatus.CART_STATUS_ACTIVE),
    CONVERTED(CartStatus.CART_STATUS_CONVERTED),
    ABANDONED(CartStatus.CART_STATUS_ABANDONED);

    private final CartStatus proto;

    CartState(CartStatus proto) {
        this.proto = proto;
    }

    @Override
    public CartStatus toProto() {
        return proto;
    }
}
