package org.commercemesh.order.lifecycle;

import org.commercemesh.order.v1.PaymentStatus;
import org.commercemesh.platform.status.ContractEnum;

/**
 * Where an order's money stands, stored by name in customer_order.payment_status; the one
 * mapping to the contract's {@link PaymentStatus}.
 */
public enum PaymentState implements ContractEnum<PaymentStatus> {
    PENDING(PaymentStatus.PAYMENT_STATUS_PENDING),
    PAID(PaymentStatus.PAYMENT_STATUS_PAID),
    DECLINED(PaymentStatus.PAYMENT_STATUS_DECLINED),
    FAILED(PaymentStatus.PAYMENT_STATUS_FAILED),
    REFUNDED(PaymentStatus.PAYMENT_STATUS_REFUNDED),
    VOIDED(PaymentStatus.PAYMENT_STATUS_VOIDED);

    private final PaymentStatus proto;

    PaymentState(PaymentStatus proto) {
        this.proto = proto;
    }

    @Override
    public PaymentStatus toProto() {
        return proto;
    }
}
