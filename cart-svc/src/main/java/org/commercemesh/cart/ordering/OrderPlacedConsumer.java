package org.commercemesh.cart.ordering;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.cart.cart.CartBook;
import org.commercemesh.order.v1.OrderPlaced;
import org.commercemesh.platform.events.IncomingEvent;
import org.commercemesh.platform.events.ProcessedEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/** OrderPlaced → the checked-out cart becomes CONVERTED (design §7), once per event. */
@ApplicationScoped
public class OrderPlacedConsumer {

    static final String CONSUMER = "cart-svc.order-events";
    private static final Logger LOG = Logger.getLogger(OrderPlacedConsumer.class);

    private final ProcessedEvents processedEvents;
    private final CartBook carts;

    public OrderPlacedConsumer(ProcessedEvents processedEvents, CartBook carts) {
        this.processedEvents = processedEvents;
        this.carts = carts;
    }

    @Incoming("order-events")
    public Uni<Void> consume(Message<byte[]> message) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message);
        } catch (IllegalArgumentException unreadable) {
            LOG.warnf("skipping an order event that is not a CloudEvent: %s", unreadable.getMessage());
            return Uni.createFrom().completionStage(message.ack());
        }
        if (!event.is(OrderPlaced.getDescriptor())) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return processedEvents.applyOnce(CONSUMER, event, () -> {
                    OrderPlaced placed = event.parse(OrderPlaced.parser());
                    return carts.convert(UUID.fromString(placed.getCartId()), UUID.fromString(placed.getOrderId()));
                })
                .onFailure().invoke(failure -> LOG.errorf(failure, "order event %s failed", event.id()))
                .onFailure().recoverWithNull()
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}
