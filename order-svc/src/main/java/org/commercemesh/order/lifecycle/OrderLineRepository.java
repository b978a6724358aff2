package org.commercemesh.order.lifecycle;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Order lines, in a stable order (by SKU) so an order reads the same every time. */
@ApplicationScoped
public class OrderLineRepository implements PanacheRepositoryBase<OrderLine, UUID> {

    public Uni<List<OrderLine>> linesOf(UUID orderId) {
        return list("orderId = ?1 order by sku, id", orderId);
    }

    /** The lines of several orders in one query. */
    public Uni<List<OrderLine>> linesOf(List<UUID> orderIds) {
        return list("orderId in ?1 order by sku, id", orderIds);
    }
}
