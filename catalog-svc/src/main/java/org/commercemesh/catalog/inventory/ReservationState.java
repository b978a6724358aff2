package org.commercemesh.catalog.inventory;

import org.commercemesh.catalog.v1.ReservationStatus;
import org.commercemesh.platform.status.ContractEnum;

/**
 * A reservation line's status, stored by name in stock_reservation.status. RESTOCKED (a
 * committed order's units went back) reads as COMMITTED in the contract; EXPIRED is not stored
 * at all but read off an ACTIVE line's expiry.
 */
public enum ReservationState implements ContractEnum<ReservationStatus> {
    ACTIVE(ReservationStatus.RESERVATION_STATUS_ACTIVE),
    COMMITTED(ReservationStatus.RESERVATION_STATUS_COMMITTED),
    RELEASED(ReservationStatus.RESERVATION_STATUS_RELEASED),
    RESTOCKED(ReservationStatus.RESERVATION_STATUS_COMMITTED);

    private final ReservationStatus proto;

    ReservationState(ReservationStatus proto) {
        this.proto = proto;
    }

    @Override
    public ReservationStatus toProto() {
        return proto;
    }

    /** Stock left the shelf for good (or came back after it did). */
    public boolean settled() {
        return this == COMMITTED || this == RESTOCKED;
    }
}
