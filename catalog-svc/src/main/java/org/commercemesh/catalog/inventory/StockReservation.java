package org.commercemesh.catalog.inventory;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An order's hold on one product's stock. Only an ACTIVE, unexpired line holds stock; the
 * moves below are the only ones a line makes, each from exactly one status.
 */
@Entity
@Table(name = "stock_reservation")
@IdClass(StockReservation.Key.class)
public class StockReservation extends PanacheEntityBase {

    @Id
    public UUID orderId;
    @Id
    public UUID productId;
    public int quantity;
    @Enumerated(EnumType.STRING)
    public ReservationState status;
    public Instant expiresAt;
    public Instant createdAt;
    public Instant updatedAt;
    public static StockReservation hold(UUID orderId, UUID productId, int quantity, Instant expiresAt, Instant now) {
        StockReservation line = new StockReservation();
        line.orderId = orderId;
        line.productId = productId;
        line.quantity = quantity;
        line.status = ReservationState.ACTIVE;
        line.expiresAt = expiresAt;
        line.createdAt = now;
        line.updatedAt = now;
        return line;
    }

    /** An ACTIVE line past its expiry holds nothing any more. */
    public boolean expiredAt(Instant now) {
        return status == ReservationState.ACTIVE && !expiresAt.isAfter(now);
    }

    /** The order was paid: the units leave the shelf. */
    public void commit(Instant now) {
        move(ReservationState.ACTIVE, ReservationState.COMMITTED, now);
    }

    /** The order will not be paid: the hold goes. */
    public void release(Instant now) {
        move(ReservationState.ACTIVE, ReservationState.RELEASED, now);
    }

    /** A paid order was cancelled or refunded: its units are back on the shelf. */
    public void restock(Instant now) {
        move(ReservationState.COMMITTED, ReservationState.RESTOCKED, now);
    }

    private void move(ReservationState from, ReservationState to, Instant now) {
        if (status != from) {
            throw new IllegalStateException("a " + status + " reservation cannot become " + to);
        }
        status = to;
        updatedAt = now;
    }

    /** The primary key (order_id, product_id). */
    public static class Key implements Serializable {

        public UUID orderId;
        public UUID productId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(orderId, key.orderId)
                    && Objects.equals(productId, key.productId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(orderId, productId);
        }
    }
}
