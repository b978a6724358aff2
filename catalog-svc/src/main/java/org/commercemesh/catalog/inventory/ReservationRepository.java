package org.commercemesh.catalog.inventory;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Reservation lines. */
@ApplicationScoped
public class ReservationRepository implements PanacheRepositoryBase<StockReservation, StockReservation.Key> {

    /** An order's lines, by product id. */
    public Uni<List<StockReservation>> ofOrder(UUID orderId) {
        return list("orderId = ?1 order by productId", orderId);
    }

    /** Units that ACTIVE, unexpired lines hold, per product (the database function V1 defines). */
    public Uni<Map<UUID, Integer>> heldFor(Collection<UUID> productIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "select id, reserved_quantity(id) from product where id in (:ids)", Object[].class)
                        .setParameter("ids", List.copyOf(productIds)).getResultList())
                .map(rows -> {
                    Map<UUID, Integer> held = new HashMap<>();
                    rows.forEach(row -> held.put((UUID) row[0], ((Number) row[1]).intValue()));
                    return held;
                });
    }
}
