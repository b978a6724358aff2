package org.commercemesh.cart.ordering;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.cart.coupon.CouponService;
import org.commercemesh.cart.shopping.CartService;
import org.commercemesh.cart.shopping.CartService.BoughtLine;
import org.commercemesh.order.v1.OrderCancelled;
import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.platform.events.EventPayloads;
import org.commercemesh.platform.events.ProcessedEvents;
import org.commercemesh.platform.id.Ids;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

/**
 * OrderConfirmed → the lines the paid order bought leave the cart they came from (design §7) and
 * its coupon use is confirmed; OrderCancelled → its coupon use is given back. Once per event.
 * Nothing happens to a cart at OrderPlaced: a checkout that ends cancelled must leave it exactly
 * as it was.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    static final String CONSUMER = "cart-svc.order-events";

    private final ProcessedEvents processedEvents;
    private final CartService carts;
    private final CouponService coupons;

    public OrderEventsConsumer(ProcessedEvents processedEvents, CartService carts, CouponService coupons) {
        this.processedEvents = processedEvents;
        this.carts = carts;
        this.coupons = coupons;
    }

    @Incoming("order-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return processedEvents.handle(CONSUMER, message,
                Set.of(OrderConfirmed.getDescriptor(), OrderCancelled.getDescriptor()), event -> {
                    if (EventPayloads.is(event, OrderCancelled.getDescriptor())) {
                        return coupons.release(UUID.fromString(EventPayloads.parse(event, OrderCancelled.parser())
                                .getOrderId()));
                    }
                    OrderConfirmed confirmed = EventPayloads.parse(event, OrderConfirmed.parser());
                    UUID cartId = Ids.parseOrNull(confirmed.getCartId());
                    if (cartId == null) {
                        return coupons.confirm(UUID.fromString(confirmed.getOrderId()));
                    }
                    List<BoughtLine> bought = confirmed.getLinesList().stream()
                            .filter(line -> Ids.parseOrNull(line.getCartItemId()) != null)
                            .map(line -> new BoughtLine(UUID.fromString(line.getCartItemId()), line.getQuantity()))
                            .toList();
                    UUID orderId = UUID.fromString(confirmed.getOrderId());
                    return coupons.confirm(orderId).chain(() -> carts.takeBought(cartId, orderId, bought));
                });
    }
}
