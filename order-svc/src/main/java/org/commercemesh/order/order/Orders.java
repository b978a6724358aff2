package org.commercemesh.order.order;

import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.commercemesh.platform.error.NotFoundException;

import io.smallrye.mutiny.Uni;

/** Loading orders with their lines. Call inside a session or transaction. */
public final class Orders {

    private Orders() {
    }

    public static Uni<OrderView> view(CustomerOrder order) {
        return OrderItem.<OrderItem>list("orderId = ?1 order by sku, id", order.id).map(items -> new OrderView(order, items));
    }

    /** The order locked for update, or NOT_FOUND. */
    public static Uni<OrderView> locked(UUID orderId) {
        return CustomerOrder.<CustomerOrder>find("id", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("order", orderId))
                .chain(Orders::view);
    }
}
