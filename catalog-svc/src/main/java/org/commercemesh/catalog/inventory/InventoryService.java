package org.commercemesh.catalog.inventory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.inventory.StockRepository.LockedProduct;
import org.commercemesh.catalog.product.ProductRepository;
import org.commercemesh.catalog.product.ProductViews;
import org.commercemesh.catalog.v1.Reservation;
import org.commercemesh.catalog.v1.StockChangeReason;
import org.commercemesh.catalog.v1.StockChanged;
import org.commercemesh.catalog.v1.StockLevel;
import org.commercemesh.catalog.v1.StockLine;
import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.commercemesh.platform.time.ProtoTime;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Stock and reservations (design §8). Available = stock − ACTIVE, unexpired reservations, and
 * never goes below zero: every change locks the product rows it touches (in product-id order,
 * so concurrent orders cannot deadlock) before reading availability. Expired reservations stop
 * counting the moment they expire; no job has to run first.
 */
@ApplicationScoped
public class InventoryService {

    /** Units one product may hold; far below its INTEGER column's limit, which adjustments would otherwise reach. */
    static final int MAX_STOCK = 100_000_000;

    private final StockRepository stock;
    private final ReservationRepository reservations;
    private final ProductRepository products;
    private final ProductViews views;
    private final OutboxWriter outbox;
    private final InventoryMetrics metrics;
    private final AuditLog audit;

    public InventoryService(StockRepository stock, ReservationRepository reservations, ProductRepository products,
            ProductViews views, OutboxWriter outbox, InventoryMetrics metrics, AuditLog audit) {
        this.audit = audit;
        this.metrics = metrics;
        this.stock = stock;
        this.reservations = reservations;
        this.products = products;
        this.views = views;
        this.outbox = outbox;
    }

    /** Reserves every line or none; a second call for the same order returns the first reservation. */
    @WithTransaction
    public Uni<Reservation> reserve(UUID orderId, List<StockLine> lines, Duration ttl) {
        Map<UUID, Integer> wanted = new TreeMap<>();
        lines.forEach(line -> wanted.merge(UUID.fromString(line.getProductId()), line.getQuantity(), Integer::sum));
        return stock.lock(wanted.keySet()).chain(locked -> reservations.ofOrder(orderId).chain(previous -> {
            if (!previous.isEmpty()) {
                return Uni.createFrom().item(previous);
            }
            List<String> missing = wanted.keySet().stream().filter(id -> !locked.containsKey(id)).map(UUID::toString)
                    .toList();
            if (!missing.isEmpty()) {
                throw new NotFoundException("product", String.join(", ", missing));
            }
            return products.reservedFor(wanted.keySet()).chain(held -> {
                refuseUnlessAvailable(wanted, locked, held);
                Instant now = Instant.now();
                List<StockReservation> hold = wanted.entrySet().stream()
                        .map(line -> StockReservation.hold(orderId, line.getKey(), line.getValue(), now.plus(ttl), now))
                        .toList();
                return reservations.persist(hold).chain(Panache::flush)
                        .chain(() -> announce(wanted.keySet(), product -> 0,
                                StockChangeReason.STOCK_CHANGE_REASON_RESERVED, orderId))
                        .replaceWith(hold);
            });
        })).map(held -> InventoryMapper.toProto(orderId, held, Instant.now()))
                .onFailure(FailedPreconditionException.class)
                .invoke(refusal -> metrics.refused((FailedPreconditionException) refusal));
    }

    /** Turns the order's reservation into a stock decrement; committing twice changes nothing more. */
    @WithTransaction
    public Uni<Reservation> commit(UUID orderId) {
        Instant now = Instant.now();
        return reservations.ofOrder(orderId).chain(lines -> {
            if (lines.isEmpty()) {
                throw new NotFoundException("reservation of order", orderId);
            }
            if (lines.stream().allMatch(line -> line.status.settled())) {
                return Uni.createFrom().item(lines);
            }
            if (lines.stream().anyMatch(line -> line.status == ReservationState.RELEASED)) {
                throw new FailedPreconditionException("RESERVATION_RELEASED",
                        "the reservation of order " + orderId + " was released");
            }
            if (lines.stream().anyMatch(line -> !line.expiresAt.isAfter(now))) {
                throw new FailedPreconditionException("RESERVATION_EXPIRED",
                        "the reservation of order " + orderId + " expired");
            }
            Map<UUID, Integer> quantities = quantities(lines, ReservationState.ACTIVE);
            return stock.lock(quantities.keySet()).chain(locked -> {
                lines.stream().filter(line -> line.status == ReservationState.ACTIVE).forEach(line -> line.commit(now));
                return moveStock(quantities, locked, -1).chain(Panache::flush)
                        .chain(() -> announce(quantities.keySet(), product -> locked.get(product).manageStock()
                                ? -quantities.get(product)
                                : 0, StockChangeReason.STOCK_CHANGE_REASON_COMMITTED, orderId))
                        .replaceWith(lines);
            });
        }).map(lines -> InventoryMapper.toProto(orderId, lines, now)).onFailure(FailedPreconditionException.class)
                .invoke(refusal -> metrics.refused((FailedPreconditionException) refusal));
    }

    /** Frees an order's active reservation; releasing twice, or an order with none, changes nothing. */
    @WithTransaction
    public Uni<Reservation> release(UUID orderId) {
        Instant now = Instant.now();
        return reservations.ofOrder(orderId).chain(lines -> {
            Map<UUID, Integer> quantities = quantities(lines, ReservationState.ACTIVE);
            if (quantities.isEmpty()) {
                return Uni.createFrom().item(lines);
            }
            return stock.lock(quantities.keySet()).chain(locked -> {
                lines.stream().filter(line -> line.status == ReservationState.ACTIVE)
                        .forEach(line -> line.release(now));
                return Panache.flush()
                        .chain(() -> announce(quantities.keySet(), product -> 0,
                                StockChangeReason.STOCK_CHANGE_REASON_RELEASED, orderId))
                        .replaceWith(lines);
            });
        }).map(lines -> InventoryMapper.toProto(orderId, lines, now));
    }

    /**
     * Puts a committed order's units back in stock (a cancelled or refunded order); an active
     * reservation is released instead. Restocking twice changes nothing more.
     */
    @WithTransaction
    public Uni<Void> restock(UUID orderId) {
        Instant now = Instant.now();
        return reservations.ofOrder(orderId).chain(lines -> {
            Map<UUID, Integer> quantities = quantities(lines, ReservationState.COMMITTED);
            if (quantities.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return stock.lock(quantities.keySet()).chain(locked -> {
                lines.stream().filter(line -> line.status == ReservationState.COMMITTED)
                        .forEach(line -> line.restock(now));
                return moveStock(quantities, locked, 1).chain(Panache::flush)
                        .chain(() -> announce(quantities.keySet(), product -> locked.get(product).manageStock()
                                ? quantities.get(product)
                                : 0, StockChangeReason.STOCK_CHANGE_REASON_RESTOCKED, orderId));
            });
        }).chain(() -> release(orderId)).replaceWithVoid();
    }

    /** Admin: adds or removes units; stock may not fall below what active reservations hold. */
    @WithTransaction
    public Uni<StockLevel> adjust(UUID productId, int delta, String reason, String adjustedBy) {
        return change(productId, delta, reason, adjustedBy).call(after -> audit.record(new Change("stock.adjust",
                "product", productId.toString(), InventoryMapper.before(after, delta), after)));
    }

    private Uni<StockLevel> change(UUID productId, int delta, String reason, String adjustedBy) {
        return stock.lock(List.of(productId)).chain(locked -> {
            LockedProduct product = locked.get(productId);
            if (product == null || !product.live()) {
                throw new NotFoundException("product", productId);
            }
            if (!product.manageStock()) {
                throw new FailedPreconditionException("STOCK_NOT_MANAGED", "the product does not track stock");
            }
            return products.reservedFor(List.of(productId)).chain(held -> {
                int reserved = held.getOrDefault(productId, 0);
                if (product.stock() + delta < reserved) {
                    throw new FailedPreconditionException("INSUFFICIENT_STOCK",
                            "stock would fall below the " + reserved + " units reserved",
                            Map.of("reserved", String.valueOf(reserved)));
                }
                if ((long) product.stock() + delta > MAX_STOCK) {
                    throw new FailedPreconditionException("STOCK_LIMIT",
                            "stock would exceed " + MAX_STOCK + " units",
                            Map.of("stock", String.valueOf(product.stock())));
                }
                return stock.add(productId, delta)
                        .chain(() -> stock.recordAdjustment(productId, delta, reason, adjustedBy))
                        .chain(() -> announce(List.of(productId), id -> delta,
                                StockChangeReason.STOCK_CHANGE_REASON_ADJUSTMENT, null));
            });
        }).chain(() -> levels(List.of(productId))).map(levels -> levels.get(0));
    }

    @WithSession
    public Uni<List<StockLevel>> levels(List<UUID> productIds) {
        return stock.figures(productIds).map(figures -> figures.stream().map(InventoryMapper::toProto).toList());
    }

    private static void refuseUnlessAvailable(Map<UUID, Integer> wanted, Map<UUID, LockedProduct> locked,
            Map<UUID, Integer> held) {
        List<String> shortProducts = new ArrayList<>();
        for (var line : wanted.entrySet()) {
            LockedProduct product = locked.get(line.getKey());
            if (!product.sellable()) {
                throw new FailedPreconditionException("PRODUCT_UNAVAILABLE",
                        "product " + line.getKey() + " is not on sale", Map.of("product_id", line.getKey().toString()));
            }
            int available = product.stock() - held.getOrDefault(line.getKey(), 0);
            if (product.manageStock() && available < line.getValue()) {
                shortProducts.add(line.getKey().toString());
            }
        }
        if (!shortProducts.isEmpty()) {
            throw new FailedPreconditionException("OUT_OF_STOCK", "not enough stock for " + shortProducts,
                    Map.of("product_ids", String.join(",", shortProducts)));
        }
    }

    /** Units per product of the lines in {@code status}, in product-id order. */
    private static Map<UUID, Integer> quantities(List<StockReservation> lines, ReservationState status) {
        return lines.stream().filter(line -> line.status == status)
                .collect(Collectors.toMap(line -> line.productId, line -> line.quantity, Integer::sum, TreeMap::new));
    }

    /** Moves managed products' stock by {@code sign} × quantity; unmanaged stock is not counted. */
    private Uni<Void> moveStock(Map<UUID, Integer> quantities, Map<UUID, LockedProduct> locked, int sign) {
        return Multi.createFrom().iterable(quantities.entrySet())
                .filter(line -> locked.get(line.getKey()).manageStock())
                .onItem().transformToUniAndConcatenate(line -> stock.add(line.getKey(), sign * line.getValue()))
                .collect().last().replaceWithVoid();
    }

    /** One StockChanged per product, with the level after the change; their product views are forgotten. */
    private Uni<Void> announce(Collection<UUID> productIds, java.util.function.ToIntFunction<UUID> delta,
            StockChangeReason reason, UUID orderId) {
        return views.forget(productIds).chain(() -> Multi.createFrom().iterable(productIds)
                .onItem().transformToUniAndConcatenate(productId -> levels(List.of(productId)).chain(levels -> {
                    StockLevel level = levels.get(0);
                    return outbox.append(productId.toString(), StockChanged.newBuilder()
                            .setProductId(productId.toString())
                            .setStockQuantity(level.getStockQuantity())
                            .setAvailableQuantity(level.getAvailableQuantity())
                            .setInStock(level.getInStock())
                            .setDelta(delta.applyAsInt(productId))
                            .setReason(reason)
                            .setOrderId(orderId == null ? "" : orderId.toString())
                            .setChangeTime(ProtoTime.toProto(Instant.now()))
                            .build());
                }))
                .collect().last().replaceWithVoid());
    }
}
