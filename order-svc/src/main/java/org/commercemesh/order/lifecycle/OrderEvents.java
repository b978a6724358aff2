package org.commercemesh.order.lifecycle;

import java.time.Instant;

import org.commercemesh.order.v1.OrderCancelled;
import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.order.v1.OrderDelivered;
import org.commercemesh.order.v1.OrderPlaced;
import org.commercemesh.order.v1.OrderRefunded;
import org.commercemesh.order.v1.OrderShipped;
import org.commercemesh.platform.time.ProtoTime;

/** The domain events of an order (design §7), built from its current state. */
public final class OrderEvents {

    private OrderEvents() {
    }

    public static OrderPlaced placed(OrderWithLines view) {
        CustomerOrder o = view.order();
        return OrderPlaced.newBuilder().setOrderId(o.id.toString()).setOrderNumber(o.orderNumber)
                .setUserId(o.userId.toString()).setCartId(o.cartId == null ? "" : o.cartId.toString())
                .addAllLines(view.eventLines()).setTotal(view.total().toProto())
                .setPlaceTime(ProtoTime.toProto(o.createdAt)).build();
    }

    public static OrderConfirmed confirmed(OrderWithLines view) {
        CustomerOrder o = view.order();
        return OrderConfirmed.newBuilder().setOrderId(o.id.toString()).setOrderNumber(o.orderNumber)
                .setUserId(o.userId.toString()).addAllLines(view.eventLines()).setTotal(view.total().toProto())
                .setConfirmTime(ProtoTime.toProto(o.confirmedAt)).setCartId(o.cartId == null ? "" : o.cartId.toString())
                .build();
    }

    /** {@code stockCommitted}: the order had been confirmed, so catalog-svc restocks instead of releasing. */
    public static OrderCancelled cancelled(OrderWithLines view, boolean stockCommitted) {
        CustomerOrder o = view.order();
        return OrderCancelled.newBuilder().setOrderId(o.id.toString()).setOrderNumber(o.orderNumber)
                .setUserId(o.userId.toString()).addAllLines(view.eventLines()).setReason(o.cancelReason)
                .setStockCommitted(stockCommitted).setCancelTime(ProtoTime.toProto(o.cancelledAt)).build();
    }

    public static OrderShipped shipped(OrderWithLines view) {
        CustomerOrder o = view.order();
        return OrderShipped.newBuilder().setOrderId(o.id.toString()).setOrderNumber(o.orderNumber)
                .setUserId(o.userId.toString()).setTrackingNumber(o.trackingNumber)
                .setShipTime(ProtoTime.toProto(o.shippedAt)).build();
    }

    public static OrderDelivered delivered(OrderWithLines view) {
        CustomerOrder o = view.order();
        return OrderDelivered.newBuilder().setOrderId(o.id.toString()).setOrderNumber(o.orderNumber)
                .setUserId(o.userId.toString()).addAllLines(view.eventLines())
                .setDeliverTime(ProtoTime.toProto(o.deliveredAt)).build();
    }

    public static OrderRefunded refunded(OrderWithLines view, String reason, Instant at) {
        CustomerOrder o = view.order();
        return OrderRefunded.newBuilder().setOrderId(o.id.toString()).setOrderNumber(o.orderNumber)
                .setUserId(o.userId.toString()).addAllLines(view.eventLines()).setAmount(view.total().toProto())
                .setReason(reason).setRefundTime(ProtoTime.toProto(at)).build();
    }
}
