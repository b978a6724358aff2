package org.commercemesh.order.lifecycle;

import java.math.BigDecimal;

import org.commercemesh.order.shipping.Destinations;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderItem;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.time.ProtoTime;

import com.google.type.Money;

/** Orders to commerce.order.v1 messages, and the address snapshots the order row keeps as JSON. */
public final class OrderMapper {

    private OrderMapper() {
    }

    public static Order toProto(OrderWithLines full) {
        CustomerOrder o = full.order();
        Order.Builder message = Order.newBuilder()
                .setId(o.id.toString())
                .setOrderNumber(o.orderNumber)
                .setUserId(o.userId.toString())
                .setStatus(o.status.toProto())
                .setPaymentStatus(o.paymentStatus.toProto())
                .setSubtotal(money(o.subtotal, o))
                .setTax(money(o.tax, o))
                .setShipping(money(o.shipping, o))
                .setDiscount(money(o.discount, o))
                .setTotal(money(o.total, o))
                .setShippingCarrier(o.shippingCarrier)
                .setShippingService(o.shippingService)
                .setCouponCode(o.couponCode)
                .setShippingAddress(Destinations.parse(o.shippingAddress))
                .setBillingAddress(Destinations.parse(o.billingAddress))
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
        full.lines().forEach(line -> message.addItems(OrderItem.newBuilder()
                .setId(line.id.toString()).setProductId(line.productId.toString()).setSku(line.sku).setName(line.name)
                .setQuantity(line.quantity).setUnitPrice(money(line.unitPrice, o))
                .setLineTotal(money(line.lineTotal, o))
                .putAllOptions(line.optionsMap())));
        return message.build();
    }

    private static Money money(BigDecimal value, CustomerOrder order) {
        return new Amount(value, order.currency).toProto();
    }
}
