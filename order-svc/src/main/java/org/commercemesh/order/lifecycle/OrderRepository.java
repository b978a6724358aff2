package org.commercemesh.order.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Orders, loaded with their lines. Call inside a session or transaction. */
@ApplicationScoped
public class OrderRepository implements PanacheRepositoryBase<CustomerOrder, UUID> {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final OrderLineRepository lines;

    public OrderRepository(OrderLineRepository lines) {
        this.lines = lines;
    }

    public Uni<OrderWithLines> withLines(CustomerOrder order) {
        return lines.linesOf(order.id).map(found -> new OrderWithLines(order, found));
    }

    /** Several orders with their lines, in one query for all the lines. */
    public Uni<List<OrderWithLines>> withLines(List<CustomerOrder> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return lines.linesOf(orders.stream().map(order -> order.id).toList()).map(found -> {
            Map<UUID, List<OrderLine>> byOrder = found.stream().collect(Collectors.groupingBy(line -> line.orderId));
            return orders.stream().map(order -> new OrderWithLines(order, byOrder.getOrDefault(order.id, List.of())))
                    .toList();
        });
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
     * Newest first, keyset on (createdAt, id), {@code page.size()} rows; {@code userId} empty
     * means every buyer's.
     */
    public Uni<List<OrderWithLines>> page(Optional<UUID> userId, Optional<OrderState> status, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        userId.ifPresent(user -> {
            where.add("userId = :user");
            parameters.and("user", user);
        });
        status.ifPresent(wanted -> {
            where.add("status = :status");
            parameters.and("status", wanted);
        });
        if (!page.isFirstPage()) {
            where.add("(createdAt < :createdAt or (createdAt = :createdAt and id < :id))");
            parameters.and("createdAt", page.instantAt(0)).and("id", page.uuidAt(1));
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by createdAt desc, id desc";
        return find(query, parameters).range(0, page.size()).list().chain(this::withLines);
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
