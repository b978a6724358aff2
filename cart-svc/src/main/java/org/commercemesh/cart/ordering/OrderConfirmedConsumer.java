package org.commercemesh.cart.ordering;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.cart.cart.CartBook;
import org.commercemesh.order.v1.OrderPlaced;
import org.commercemesh.platform.events.ProcessedEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

/** OrderPlaced → the checked-out cart becomes CONVERTED (design §7), once per event. */
@ApplicationScoped
public class OrderPlacedConsumer {

    static final String CONSUMER = "cart-svc.order-events";

    private final ProcessedEvents processedEvents;
    private final CartBook carts;

    public OrderPlacedConsumer(ProcessedEvents processedEvents, CartBook carts) {
        this.processedEvents = processedEvents;
        this.carts = carts;
    }

    @Incoming("order-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return processedEvents.handle(CONSUMER, message, Set.of(OrderPlaced.getDescriptor()), event -> {
            OrderPlaced placed = event.parse(OrderPlaced.parser());
            return carts.convert(UUID.fromString(placed.getCartId()), UUID.fromString(placed.getOrderId()));
        });
    }
}
