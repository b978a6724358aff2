package org.commercemesh.catalog.ordering;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.inventory.InventoryService;
import org.commercemesh.catalog.review.ReviewService;
import org.commercemesh.order.v1.OrderCancelled;
import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.order.v1.OrderDelivered;
import org.commercemesh.order.v1.OrderEventLine;
import org.commercemesh.order.v1.OrderRefunded;
import org.commercemesh.platform.events.EventPayloads;
import org.commercemesh.platform.events.ProcessedEvents;
import org.commercemesh.platform.time.ProtoTime;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Order events (design §7): OrderConfirmed commits the reservation, OrderCancelled releases it
 * (or restocks when stock was already committed), OrderRefunded restocks, OrderDelivered
 * records purchases for verified reviews. Each event takes effect once, however often it arrives.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "catalog-svc.order-events";

    private final ProcessedEvents processedEvents;
    private final InventoryService inventory;
    private final ReviewService reviews;

    public OrderEventsConsumer(ProcessedEvents processedEvents, InventoryService inventory, ReviewService reviews) {
        this.processedEvents = processedEvents;
        this.inventory = inventory;
        this.reviews = reviews;
    }

    @Incoming("order-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return processedEvents.handle(CONSUMER, message, Set.of(OrderConfirmed.getDescriptor(),
                OrderCancelled.getDescriptor(), OrderRefunded.getDescriptor(), OrderDelivered.getDescriptor()),
                this::effect);
    }

    private Uni<Void> effect(IncomingCloudEventMetadata<byte[]> event) {
        if (EventPayloads.is(event, OrderConfirmed.getDescriptor())) {
            return inventory.commit(UUID.fromString(EventPayloads.parse(event, OrderConfirmed.parser()).getOrderId()))
                    .replaceWithVoid();
        }
        if (EventPayloads.is(event, OrderCancelled.getDescriptor())) {
            OrderCancelled cancelled = EventPayloads.parse(event, OrderCancelled.parser());
            UUID orderId = UUID.fromString(cancelled.getOrderId());
            return cancelled.getStockCommitted()
                    ? inventory.restock(orderId)
                    : inventory.release(orderId).replaceWithVoid();
        }
        if (EventPayloads.is(event, OrderRefunded.getDescriptor())) {
            return inventory.restock(UUID.fromString(EventPayloads.parse(event, OrderRefunded.parser()).getOrderId()));
        }
        OrderDelivered delivered = EventPayloads.parse(event, OrderDelivered.parser());
        UUID buyer = UUID.fromString(delivered.getUserId());
        UUID orderId = UUID.fromString(delivered.getOrderId());
        Uni<Void> purchases = Uni.createFrom().voidItem();
        for (OrderEventLine line : delivered.getLinesList()) {
            purchases = purchases.chain(() -> reviews.recordPurchase(buyer, UUID.fromString(line.getProductId()),
                    orderId, ProtoTime.fromProto(delivered.getDeliverTime())));
        }
        return purchases;
    }
}
