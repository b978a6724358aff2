package org.commercemesh.catalog.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.commercemesh.catalog.inventory.StockRepository.StockFigures;
import org.commercemesh.catalog.v1.Reservation;
import org.commercemesh.catalog.v1.ReservationStatus;
import org.commercemesh.catalog.v1.StockLevel;
import org.commercemesh.catalog.v1.StockLine;
import org.commercemesh.platform.time.ProtoTime;

/** Stock figures and reservation lines to commerce.catalog.v1 messages. */
public final class InventoryMapper {

    private InventoryMapper() {
    }

    /** Available never goes below zero; a product without managed stock is always in stock. */
    public static StockLevel toProto(StockFigures figures) {
        int available = Math.max(0, figures.stock() - figures.reserved());
        return StockLevel.newBuilder().setProductId(figures.productId().toString())
                .setManageStock(figures.manageStock()).setStockQuantity(figures.stock())
                .setReservedQuantity(figures.reserved()).setAvailableQuantity(available)
                .setInStock(!figures.manageStock() || available > 0).build();
    }

    /** The level an adjustment of {@code delta} units started from, computed back from where it ended. */
    public static StockLevel before(StockLevel after, int delta) {
        return toProto(new StockFigures(UUID.fromString(after.getProductId()), after.getManageStock(),
                after.getStockQuantity() - delta, after.getReservedQuantity()));
    }

    /** An order's lines move together, so the first one speaks for the reservation's status and expiry. */
    public static Reservation toProto(UUID orderId, List<StockReservation> lines, Instant now) {
        Reservation.Builder reservation = Reservation.newBuilder().setOrderId(orderId.toString());
        if (lines.isEmpty()) {
            return reservation.build();
        }
        lines.forEach(line -> reservation.addLines(StockLine.newBuilder().setProductId(line.productId.toString())
                .setQuantity(line.quantity)));
        StockReservation first = lines.get(0);
        return reservation
                .setStatus(first.expiredAt(now) ? ReservationStatus.RESERVATION_STATUS_EXPIRED : first.status.toProto())
                .setExpireTime(ProtoTime.toProto(first.expiresAt))
                .build();
    }
}
