package org.commercemesh.order.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.platform.persistence.ReadReplica;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Orders, loaded with their lines. Call inside a session or transaction. */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<CustomerOrder, UUID> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final OrderLineRepository lines;
    private final ReadReplica replica;

    public OrderRepository(OrderLineRepository lines, ReadReplica replica) {
        this.lines = lines;
        this.replica = replica;
    }

    public Uni<OrderWithLines> withLines(CustomerOrder order) {
        return lines.linesOf(order.id).map(found -> new OrderWithLines(order, found));
    }

    /** Several orders with their lines, in one query for all the lines. */
    public Uni<List<OrderWithLines>> withLines(List<CustomerOrder> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return lines.linesOf(orders.stream().map(order -> order.id).toList()).map(found -> withLines(orders, found));
    }

    private static List<OrderWithLines> withLines(List<CustomerOrder> orders, List<OrderLine> lines) {
        Map<UUID, List<OrderLine>> byOrder = lines.stream().collect(Collectors.groupingBy(line -> line.orderId));
        return orders.stream().map(order -> new OrderWithLines(order, byOrder.getOrDefault(order.id, List.of())))
                .toList();
    }

    /** The order, or NOT_FOUND. */
    public Uni<CustomerOrder> getById(UUID orderId) {
        return findById(orderId).onItem().ifNull().failWith(() -> new NotFoundException("order", orderId));
    }

    /** The order locked for update, with its lines, or NOT_FOUND. */
    public Uni<OrderWithLines> lockWithLines(UUID orderId) {
        return find("id", orderId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("order", orderId))
                .chain(this::withLines);
    }

    /**
     * Order history from the read replica: newest first, keyset on (createdAt, id),
     * {@code page.size()} rows; {@code userId} empty means every buyer's. An order placed a moment
     * ago may be missing for the replication delay; the order itself (GetOrder) reads the primary.
     */
    public Uni<List<OrderWithLines>> page(Optional<UUID> userId, Optional<OrderState> status, PageRequest page) {
        List<String> where = new ArrayList<>(List.of("true"));
        Map<String, Object> parameters = new HashMap<>();
        userId.ifPresent(user -> {
            where.add("user_id = :user");
            parameters.put("user", user);
        });
        status.ifPresent(wanted -> {
            where.add("status = :status");
            parameters.put("status", wanted);
        });
        if (!page.isFirstPage()) {
            where.add("(created_at, id) < (:createdAt, :id)");
            parameters.put("createdAt", page.instantAt(0));
            parameters.put("id", page.uuidAt(1));
        }
        parameters.put("limit", page.size() + 1);
        return replica.list(CustomerOrder.class, "select * from customer_order where " + String.join(" and ", where)
                + " order by created_at desc, id desc limit :limit", parameters)
                .chain(orders -> orders.isEmpty()
                        ? Uni.createFrom().item(List.<OrderWithLines>of())
                        : replica.list(OrderLine.class, "select * from order_item where order_id = any(:orders)"
                                + " order by sku, id",
                                Map.of("orders", orders.stream().map(order -> order.id).toList()))
                                .map(found -> withLines(orders, found)));
    }

    /** The order a buyer placed with this request id, with its lines, or null. */
    public Uni<OrderWithLines> placedWith(UUID userId, String requestId) {
        return find("userId = ?1 and requestId = ?2", userId, requestId).firstResult()
                .chain(order -> order == null ? Uni.createFrom().nullItem() : withLines(order));
    }

    /** The orders of a cart that are not CANCELLED. */
    public Uni<List<CustomerOrder>> liveOfCart(UUID cartId) {
        return list("cartId = ?1 and status <> ?2", cartId, OrderState.CANCELLED);
    }

    public Uni<List<CustomerOrder>> pendingSince(Instant before) {
        return list("status = ?1 and createdAt < ?2 order by createdAt", OrderState.PENDING, before);
    }

    /** ORD-yyyyMMdd-nnnnnn from a database sequence, unique across instances. */
    public Uni<String> nextOrderNumber() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select nextval('order_number_seq')", Long.class)
                        .getSingleResult())
                .map(sequence -> "ORD-" + LocalDate.now(ZoneOffset.UTC).format(DAY) + "-"
                        + String.format("%06d", sequence));
    }

    /** Writes a new order and its lines. */
    public Uni<OrderWithLines> persistWithLines(OrderWithLines order) {
        return persist(order.order()).chain(Panache::flush).chain(() -> lines.persist(order.lines()))
                .replaceWith(order);
    }
}
