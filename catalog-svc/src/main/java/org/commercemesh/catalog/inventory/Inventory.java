package org.commercemesh.catalog.inventory;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.v1.Reservation;
import org.commercemesh.catalog.v1.ReservationStatus;
import org.commercemesh.catalog.v1.StockChangeReason;
import org.commercemesh.catalog.v1.StockChanged;
import org.commercemesh.catalog.v1.StockLevel;
import org.commercemesh.catalog.v1.StockLine;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.commercemesh.platform.time.ProtoTime;
import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Stock and reservations (design §8). Available = stock − ACTIVE, unexpired reservations, and
 * never goes below zero: every change locks the product rows it touches (in product-id order,
 * so concurrent orders cannot deadlock) before reading availability. Expired reservations stop
 * counting the moment they expire; no job has to run first.
 */
@ApplicationScoped
public class Inventory {

    private static final String LOCK_PRODUCTS = """
            select id, stock_quantity, manage_stock, status, deleted_at is null
              from product where id in (:ids) order by id for update""";

    private final OutboxWriter outbox;

    public Inventory(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Reserves every line or none; a second call for the same order returns the first reservation. */
    public Uni<Reservation> reserve(UUID orderId, List<StockLine> lines, Duration ttl) {
        Map<UUID, Integer> wanted = new TreeMap<>();
        lines.forEach(line -> wanted.merge(UUID.fromString(line.getProductId()), line.getQuantity(), Integer::sum));
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> lockProducts(session, wanted.keySet())
                .chain(locked -> existing(session, orderId).chain(previous -> {
                    if (!previous.isEmpty()) {
                        return Uni.createFrom().item(previous);
                    }
                    List<String> missing = wanted.keySet().stream().filter(id -> !locked.containsKey(id))
                            .map(UUID::toString).toList();
                    if (!missing.isEmpty()) {
                        throw new NotFoundException("product", String.join(", ", missing));
                    }
                    return reserved(session, wanted.keySet()).chain(reserved -> {
                        List<String> shortProducts = new ArrayList<>();
                        for (var line : wanted.entrySet()) {
                            LockedProduct product = locked.get(line.getKey());
                            if (!product.sellable()) {
                                throw new FailedPreconditionException("PRODUCT_UNAVAILABLE",
                                        "product " + line.getKey() + " is not on sale", Map.of("product_id", line.getKey().toString()));
                            }
                            int available = product.stock() - reserved.getOrDefault(line.getKey(), 0);
                            if (product.manageStock() && available < line.getValue()) {
                                shortProducts.add(line.getKey().toString());
                            }
                        }
                        if (!shortProducts.isEmpty()) {
                            throw new FailedPreconditionException("OUT_OF_STOCK", "not enough stock for " + shortProducts,
                                    Map.of("product_ids", String.join(",", shortProducts)));
                        }
                        Instant now = Instant.now();
                        Instant expires = now.plus(ttl);
                        Uni<Void> writes = Uni.createFrom().voidItem();
                        for (var line : wanted.entrySet()) {
                            writes = writes.chain(() -> session.createNativeQuery("""
                                            insert into stock_reservation (order_id, product_id, quantity, status, expires_at, created_at, updated_at)
                                            values (:order, :product, :quantity, 'ACTIVE', :expires, :now, :now)""")
                                    .setParameter("order", orderId).setParameter("product", line.getKey())
                                    .setParameter("quantity", line.getValue()).setParameter("expires", expires)
                                    .setParameter("now", now).executeUpdate().replaceWithVoid())
                                    .chain(() -> stockChanged(session, line.getKey(), 0, StockChangeReason.STOCK_CHANGE_REASON_RESERVED, orderId));
                        }
                        return writes.chain(() -> existing(session, orderId));
                    });
                }))))
                .map(rows -> toReservation(orderId, rows));
    }

    /** Turns the order's reservation into a stock decrement; committing twice changes nothing more. */
    public Uni<Reservation> commit(UUID orderId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> existing(session, orderId).chain(rows -> {
            if (rows.isEmpty()) {
                throw new NotFoundException("reservation of order", orderId);
            }
            if (rows.stream().allMatch(row -> row.status().equals("COMMITTED") || row.status().equals("RESTOCKED"))) {
                return Uni.createFrom().item(rows);
            }
            if (rows.stream().anyMatch(row -> row.status().equals("RELEASED"))) {
                throw new FailedPreconditionException("RESERVATION_RELEASED", "the reservation of order " + orderId + " was released");
            }
            if (rows.stream().anyMatch(row -> !row.expiresAt().isAfter(Instant.now()))) {
                throw new FailedPreconditionException("RESERVATION_EXPIRED", "the reservation of order " + orderId + " expired");
            }
            Map<UUID, Integer> quantities = rows.stream().collect(Collectors.toMap(Row::productId, Row::quantity, Integer::sum, TreeMap::new));
            return lockProducts(session, quantities.keySet()).chain(locked -> {
                Uni<Void> writes = Uni.createFrom().voidItem();
                for (var line : quantities.entrySet()) {
                    boolean managed = locked.get(line.getKey()).manageStock();
                    writes = writes.chain(() -> managed
                                    ? session.createNativeQuery("update product set stock_quantity = stock_quantity - :q, updated_at = now() where id = :id")
                                            .setParameter("q", line.getValue()).setParameter("id", line.getKey()).executeUpdate().replaceWithVoid()
                                    : Uni.createFrom().voidItem())
                            .chain(() -> stockChanged(session, line.getKey(), managed ? -line.getValue() : 0,
                                    StockChangeReason.STOCK_CHANGE_REASON_COMMITTED, orderId));
                }
                return writes.chain(() -> setStatus(session, orderId, "ACTIVE", "COMMITTED")).chain(() -> existing(session, orderId));
            });
        }))).map(rows -> toReservation(orderId, rows));
    }

    /** Frees an order's active reservation; releasing twice, or an order with none, changes nothing. */
    public Uni<Reservation> release(UUID orderId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> existing(session, orderId).chain(rows -> {
            List<Row> active = rows.stream().filter(row -> row.status().equals("ACTIVE")).toList();
            if (active.isEmpty()) {
                return Uni.createFrom().item(rows);
            }
            Map<UUID, Integer> quantities = active.stream().collect(Collectors.toMap(Row::productId, Row::quantity, Integer::sum, TreeMap::new));
            return lockProducts(session, quantities.keySet())
                    .chain(() -> setStatus(session, orderId, "ACTIVE", "RELEASED"))
                    .chain(() -> {
                        Uni<Void> events = Uni.createFrom().voidItem();
                        for (UUID productId : quantities.keySet()) {
                            events = events.chain(() -> stockChanged(session, productId, 0, StockChangeReason.STOCK_CHANGE_REASON_RELEASED, orderId));
                        }
                        return events;
                    })
                    .chain(() -> existing(session, orderId));
        }))).map(rows -> toReservation(orderId, rows));
    }

    /**
     * Puts a committed order's units back in stock (a cancelled or refunded order); an active
     * reservation is released instead. Restocking twice changes nothing more.
     */
    public Uni<Void> restock(UUID orderId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> existing(session, orderId).chain(rows -> {
            List<Row> committed = rows.stream().filter(row -> row.status().equals("COMMITTED")).toList();
            if (committed.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            Map<UUID, Integer> quantities = committed.stream().collect(Collectors.toMap(Row::productId, Row::quantity, Integer::sum, TreeMap::new));
            return lockProducts(session, quantities.keySet()).chain(locked -> {
                Uni<Void> writes = Uni.createFrom().voidItem();
                for (var line : quantities.entrySet()) {
                    boolean managed = locked.get(line.getKey()).manageStock();
                    writes = writes.chain(() -> managed
                                    ? session.createNativeQuery("update product set stock_quantity = stock_quantity + :q, updated_at = now() where id = :id")
                                            .setParameter("q", line.getValue()).setParameter("id", line.getKey()).executeUpdate().replaceWithVoid()
                                    : Uni.createFrom().voidItem())
                            .chain(() -> stockChanged(session, line.getKey(), managed ? line.getValue() : 0,
                                    StockChangeReason.STOCK_CHANGE_REASON_RESTOCKED, orderId));
                }
                return writes.chain(() -> setStatus(session, orderId, "COMMITTED", "RESTOCKED"));
            });
        })).chain(ignored -> release(orderId)).replaceWithVoid());
    }

    /** Admin: adds or removes units; stock may not fall below what active reservations hold. */
    public Uni<StockLevel> adjust(UUID productId, int delta, String reason, String adjustedBy) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> lockProducts(session, List.of(productId))
                .chain(locked -> {
                    LockedProduct product = locked.get(productId);
                    if (product == null || !product.live()) {
                        throw new NotFoundException("product", productId);
                    }
                    if (!product.manageStock()) {
                        throw new FailedPreconditionException("STOCK_NOT_MANAGED", "the product does not track stock");
                    }
                    return reserved(session, List.of(productId)).chain(reserved -> {
                        int held = reserved.getOrDefault(productId, 0);
                        if (product.stock() + delta < held) {
                            throw new FailedPreconditionException("INSUFFICIENT_STOCK",
                                    "stock would fall below the " + held + " units reserved", Map.of("reserved", String.valueOf(held)));
                        }
                        return session.createNativeQuery("update product set stock_quantity = stock_quantity + :d, updated_at = now() where id = :id")
                                .setParameter("d", delta).setParameter("id", productId).executeUpdate()
                                .chain(() -> session.createNativeQuery("""
                                                insert into stock_adjustment (id, product_id, delta, reason, adjusted_by, adjusted_at)
                                                values (:id, :product, :delta, :reason, :by, now())""")
                                        .setParameter("id", Ids.newId()).setParameter("product", productId)
                                        .setParameter("delta", delta).setParameter("reason", reason)
                                        .setParameter("by", adjustedBy).executeUpdate())
                                .chain(() -> stockChanged(session, productId, delta, StockChangeReason.STOCK_CHANGE_REASON_ADJUSTMENT, null));
                    });
                })
                .chain(() -> levels(session, List.of(productId))).map(levels -> levels.get(0))));
    }

    public Uni<List<StockLevel>> levels(List<UUID> productIds) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> levels(session, productIds)));
    }

    private Uni<List<StockLevel>> levels(Mutiny.Session session, List<UUID> productIds) {
        return session.createNativeQuery("""
                        select id, manage_stock, stock_quantity, reserved_quantity(id) from product
                         where id in (:ids) and deleted_at is null""", Object[].class)
                .setParameter("ids", productIds).getResultList()
                .map(rows -> {
                    Map<UUID, StockLevel> byId = new HashMap<>();
                    for (Object[] row : rows) {
                        boolean managed = (Boolean) row[1];
                        int stock = ((Number) row[2]).intValue();
                        int reserved = ((Number) row[3]).intValue();
                        int available = Math.max(0, stock - reserved);
                        byId.put((UUID) row[0], StockLevel.newBuilder().setProductId(row[0].toString())
                                .setManageStock(managed).setStockQuantity(stock).setReservedQuantity(reserved)
                                .setAvailableQuantity(available).setInStock(!managed || available > 0).build());
                    }
                    return productIds.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
                });
    }

    private Uni<Void> stockChanged(Mutiny.Session session, UUID productId, int delta, StockChangeReason reason, UUID orderId) {
        return levels(session, List.of(productId)).chain(levels -> {
            StockLevel level = levels.get(0);
            return outbox.append(productId.toString(), StockChanged.newBuilder()
                    .setProductId(productId.toString())
                    .setStockQuantity(level.getStockQuantity())
                    .setAvailableQuantity(level.getAvailableQuantity())
                    .setInStock(level.getInStock())
                    .setDelta(delta)
                    .setReason(reason)
                    .setOrderId(orderId == null ? "" : orderId.toString())
                    .setChangeTime(ProtoTime.toProto(Instant.now()))
                    .build());
        }).replaceWithVoid();
    }

    private record LockedProduct(int stock, boolean manageStock, String status, boolean live) {
        boolean sellable() {
            return live && "ACTIVE".equals(status);
        }
    }

    private record Row(UUID productId, int quantity, String status, Instant expiresAt) {
    }

    private static Uni<Map<UUID, LockedProduct>> lockProducts(Mutiny.Session session, java.util.Collection<UUID> ids) {
        return session.createNativeQuery(LOCK_PRODUCTS, Object[].class).setParameter("ids", List.copyOf(ids)).getResultList()
                .map(rows -> {
                    Map<UUID, LockedProduct> locked = new LinkedHashMap<>();
                    rows.forEach(row -> locked.put((UUID) row[0], new LockedProduct(((Number) row[1]).intValue(),
                            (Boolean) row[2], (String) row[3], (Boolean) row[4])));
                    return locked;
                });
    }

    private static Uni<Map<UUID, Integer>> reserved(Mutiny.Session session, java.util.Collection<UUID> ids) {
        return session.createNativeQuery("select id, reserved_quantity(id) from product where id in (:ids)", Object[].class)
                .setParameter("ids", List.copyOf(ids)).getResultList()
                .map(rows -> {
                    Map<UUID, Integer> reserved = new HashMap<>();
                    rows.forEach(row -> reserved.put((UUID) row[0], ((Number) row[1]).intValue()));
                    return reserved;
                });
    }

    private static Uni<List<Row>> existing(Mutiny.Session session, UUID orderId) {
        return session.createNativeQuery("""
                        select product_id, quantity, status, expires_at from stock_reservation
                         where order_id = :order order by product_id""", Object[].class)
                .setParameter("order", orderId).getResultList()
                .map(rows -> rows.stream().map(row -> new Row((UUID) row[0], ((Number) row[1]).intValue(), (String) row[2],
                        row[3] instanceof OffsetDateTime time ? time.toInstant() : (Instant) row[3])).toList());
    }

    private static Uni<Void> setStatus(Mutiny.Session session, UUID orderId, String from, String to) {
        return session.createNativeQuery("update stock_reservation set status = :to, updated_at = now() where order_id = :order and status = :from")
                .setParameter("to", to).setParameter("order", orderId).setParameter("from", from)
                .executeUpdate().replaceWithVoid();
    }

    private static Reservation toReservation(UUID orderId, List<Row> rows) {
        Reservation.Builder reservation = Reservation.newBuilder().setOrderId(orderId.toString());
        if (rows.isEmpty()) {
            return reservation.build();
        }
        rows.forEach(row -> reservation.addLines(StockLine.newBuilder().setProductId(row.productId().toString()).setQuantity(row.quantity())));
        Row first = rows.get(0);
        boolean expired = first.status().equals("ACTIVE") && !first.expiresAt().isAfter(Instant.now());
        reservation.setStatus(expired ? ReservationStatus.RESERVATION_STATUS_EXPIRED : switch (first.status()) {
            case "ACTIVE" -> ReservationStatus.RESERVATION_STATUS_ACTIVE;
            case "COMMITTED", "RESTOCKED" -> ReservationStatus.RESERVATION_STATUS_COMMITTED;
            default -> ReservationStatus.RESERVATION_STATUS_RELEASED;
        });
        reservation.setExpireTime(ProtoTime.toProto(first.expiresAt()));
        return reservation.build();
    }
}
