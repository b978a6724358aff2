package org.commercemesh.user.notification;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commercemesh.order.v1.OrderCancelled;
import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.order.v1.OrderDelivered;
import org.commercemesh.order.v1.OrderEventLine;
import org.commercemesh.order.v1.OrderRefunded;
import org.commercemesh.order.v1.OrderShipped;
import org.commercemesh.platform.events.EventPayloads;
import org.commercemesh.platform.money.Amount;

import com.google.protobuf.Descriptors.Descriptor;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * What a buyer is told about one order event, whatever the channel: the event's facts in the
 * words the e-mail and the text use. {@code detail} is the tracking number (shipped), the
 * reason in words (cancelled, refunded) or empty; {@code amount} the total or the refund.
 */
public record OrderNotice(Kind kind, UUID userId, String orderNumber, String amount, int items, String detail) {

    public enum Kind {
        CONFIRMED,
        SHIPPED,
        DELIVERED,
        CANCELLED,
        REFUNDED
    }

    /** The order events a buyer hears about. */
    public static final Set<Descriptor> TYPES = Set.of(OrderConfirmed.getDescriptor(), OrderShipped.getDescriptor(),
            OrderDelivered.getDescriptor(), OrderCancelled.getDescriptor(), OrderRefunded.getDescriptor());

    private static final Map<String, String> REASONS = Map.of(
            "PAYMENT_DECLINED", "the payment was declined; nothing was charged",
            "OUT_OF_STOCK", "an item ran out of stock; nothing was charged",
            "CUSTOMER_REQUEST", "you asked us to cancel it",
            "PAYMENT_TIMEOUT", "the payment could not be completed in time; nothing was charged",
            "STOCK_UNCONFIRMED", "we could not confirm the stock in time; nothing was charged",
            "ADMIN_REFUND", "our customer service refunded it");

    /** The notice of an event of one of {@link #TYPES}. */
    public static OrderNotice from(IncomingCloudEventMetadata<byte[]> event) {
        if (EventPayloads.is(event, OrderConfirmed.getDescriptor())) {
            OrderConfirmed e = EventPayloads.parse(event, OrderConfirmed.parser());
            return new OrderNotice(Kind.CONFIRMED, UUID.fromString(e.getUserId()), e.getOrderNumber(),
                    Amount.fromProto(e.getTotal()).toDisplayString(),
                    e.getLinesList().stream().mapToInt(OrderEventLine::getQuantity).sum(), "");
        }
        if (EventPayloads.is(event, OrderShipped.getDescriptor())) {
            OrderShipped e = EventPayloads.parse(event, OrderShipped.parser());
            return new OrderNotice(Kind.SHIPPED, UUID.fromString(e.getUserId()), e.getOrderNumber(), "", 0,
                    e.getTrackingNumber());
        }
        if (EventPayloads.is(event, OrderDelivered.getDescriptor())) {
            OrderDelivered e = EventPayloads.parse(event, OrderDelivered.parser());
            return new OrderNotice(Kind.DELIVERED, UUID.fromString(e.getUserId()), e.getOrderNumber(), "",
                    e.getLinesList().stream().mapToInt(OrderEventLine::getQuantity).sum(), "");
        }
        if (EventPayloads.is(event, OrderCancelled.getDescriptor())) {
            OrderCancelled e = EventPayloads.parse(event, OrderCancelled.parser());
            return new OrderNotice(Kind.CANCELLED, UUID.fromString(e.getUserId()), e.getOrderNumber(), "", 0,
                    inWords(e.getReason()));
        }
        OrderRefunded e = EventPayloads.parse(event, OrderRefunded.parser());
        return new OrderNotice(Kind.REFUNDED, UUID.fromString(e.getUserId()), e.getOrderNumber(),
                Amount.fromProto(e.getAmount()).toDisplayString(), 0, inWords(e.getReason()));
    }

    /** A known reason code in words; a reason someone typed, as typed. */
    static String inWords(String reason) {
        return REASONS.getOrDefault(reason, reason.isBlank() ? "" : reason);
    }
}
