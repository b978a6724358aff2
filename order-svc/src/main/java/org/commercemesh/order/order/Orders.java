package org.commercemesh.order.order;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** Several orders with their lines, in one query for all the lines. */
    public static Uni<List<OrderView>> views(List<CustomerOrder> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return OrderItem.<OrderItem>list("orderId in ?1 order by sku, id", orders.stream().map(order -> order.id).toList())
                .map(items -> {
                    Map<UUID, List<OrderItem>> byOrder = items.stream()
                            .collect(Collectors.groupingBy(item -> item.orderId));
                    return orders.stream().map(order -> new OrderView(order, byOrder.getOrDefault(order.id, List.of())))
                            .toList();
                });
    }

    /** The order locked for update, or NOT_FOUND. */
    public static Uni<OrderView> locked(UUID orderId) {
        return CustomerOrder.<CustomerOrder>find("id", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("order", orderId))
                .chain(Orders::view);
    }
}
