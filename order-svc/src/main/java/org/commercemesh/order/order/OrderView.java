package org.commercemesh.order.order;

import java.util.List;

import org.commercemesh.order.v1.AddressSnapshot;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderEventLine;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.time.ProtoTime;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;

/** An order with its lines, and its message and event forms. */
public record OrderView(CustomerOrder order, List<OrderItem> items) {

    public Order toProto() {
        CustomerOrder o = order;
        Order.Builder message = Order.newBuilder()
                .setId(o.id.toString())
                .setOrderNumber(o.orderNumber)
                .setUserId(o.userId.toString())
                .setStatus(o.status.toProto())
                .setPaymentStatus(o.paymentStatus.toProto())
                .setSubtotal(money(o.subtotal))
                .setTax(money(o.tax))
                .setShipping(money(o.shipping))
                .setDiscount(money(o.discount))
                .setTotal(money(o.total))
                .setShippingAddress(address(o.shippingAddress))
                .setBillingAddress(address(o.billingAddress))
                .setTrackingNumber(o.trackingNumber)
                .setCancelReason(o.cancelReason)
                .setNotes(o.notes)
                .setCreateTime(ProtoTime.toProto(o.createdAt))
                .setUpdateTime(ProtoTime.toProto(o.updatedAt));
        if (o.confirmedAt != null) {
            message.setConfirmTime(ProtoTime.toProto(o.confirmedAt));
        }
        if (o.shippedAt != null) {
            message.setShipTime(ProtoTime.toProto(o.shippedAt));
        }
        if (o.deliveredAt != null) {
            message.setDeliverTime(ProtoTime.toProto(o.deliveredAt));
        }
        if (o.cancelledAt != null) {
            message.setCancelTime(ProtoTime.toProto(o.cancelledAt));
        }
        items.forEach(item -> message.addItems(org.commercemesh.order.v1.OrderItem.newBuilder()
                .setId(item.id.toString()).setProductId(item.productId.toString()).setSku(item.sku).setName(item.name)
                .setQuantity(item.quantity).setUnitPrice(money(item.unitPrice)).setLineTotal(money(item.lineTotal))
                .putAllOptions(item.optionsMap())));
        return message.build();
    }

    public List<OrderEventLine> lines() {
        return items.stream().map(item -> OrderEventLine.newBuilder().setProductId(item.productId.toString())
                .setQuantity(item.quantity).putAllOptions(item.optionsMap())
                .setCartItemId(item.cartItemId == null ? "" : item.cartItemId.toString()).build()).toList();
    }

    public Amount total() {
        return new Amount(order.total, order.currency);
    }

    public static String json(AddressSnapshot snapshot) {
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(snapshot);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("an AddressSnapshot always prints", e);
        }
    }

    private static AddressSnapshot address(String json) {
        try {
            AddressSnapshot.Builder snapshot = AddressSnapshot.newBuilder();
            JsonFormat.parser().merge(json, snapshot);
            return snapshot.build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored address snapshot is not AddressSnapshot JSON", e);
        }
    }

    private com.google.type.Money money(java.math.BigDecimal value) {
        return new Amount(value, order.currency).toProto();
    }
}
