package org.commercemesh.catalog.inventory;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Reservation lines. */
@ApplicationScoped
public class ReservationRepository implements PanacheRepositoryBase<StockReservation, StockReservation.Key> {

    /** An order's lines, by product id. */
    public Uni<List<StockReservation>> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by productId", orderId);
    }
}
