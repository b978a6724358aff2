package org.commercemesh.order.lifecycle;

import java.util.Optional;

import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.platform.status.ContractEnum;

/**
 * An order's status, stored by name in customer_order.status; the one mapping to and from
 * the contract's {@link OrderStatus}.
 */
public enum OrderState implements ContractEnum<OrderStatus> {
    PENDING(OrderStatus.ORDER_STATUS_PENDING),
    CONFIRMED(OrderStatus.ORDER_STATUS_CONFIRMED),
    PROCESSING(OrderStatus.ORDER_STATUS_PROCESSING),
    SHIPPED(OrderStatus.ORDER_STATUS_SHIPPED),
    DELIVERED(OrderStatus.ORDER_STATUS_DELIVERED),
    CANCELLED(OrderStatus.ORDER_STATUS_CANCELLED),
    REFUNDED(OrderStatus.ORDER_STATUS_REFUNDED);

    private final OrderStatus proto;

    OrderState(OrderStatus proto) {
        this.proto = proto;
    }

    @Override
    public OrderStatus toProto() {
        return proto;
    }

    /** The state of a contract status; empty for UNSPECIFIED (no filter, no target). */
    public static Optional<OrderState> of(OrderStatus status) {
        return ContractEnum.of(OrderState.class, status);
    }

    /** Fulfilment's one path: CONFIRMED → PROCESSING → SHIPPED → DELIVERED. */
    public Optional<OrderState> next() {
        return switch (this) {
            case CONFIRMED -> Optional.of(PROCESSING);
            case PROCESSING -> Optional.of(SHIPPED);
            case SHIPPED -> Optional.of(DELIVERED);
            default -> Optional.empty();
        };
    }

    /** The money was taken and has not gone back. */
    public boolean paid() {
        return this == CONFIRMED || this == PROCESSING || this == SHIPPED || this == DELIVERED;
    }

    /** The buyer may still cancel: nothing is being packed yet. */
    public boolean cancellableByBuyer() {
        return this == PENDING || this == CONFIRMED;
    }
}
