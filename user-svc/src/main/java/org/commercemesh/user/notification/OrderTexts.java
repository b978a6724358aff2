package org.commercemesh.user.notification;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.events.ProcessedEvents;
import org.commercemesh.user.account.UserRepository;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Order texts to the buyer's verified phone when they turned texts on. A consumer of its own
 * (channel {@code order-texts}, its own group, retry and dead-letter topics) so that e-mail and
 * SMS are each sent once per event, whichever of the two fails.
 */
@ApplicationScoped
public class OrderTexts {

    static final String CONSUMER = "user-svc.order-texts";

    private final ProcessedEvents processedEvents;
    private final UserRepository users;
    private final SmsSender sms;

    public OrderTexts(ProcessedEvents processedEvents, UserRepository users, SmsSender sms) {
        this.processedEvents = processedEvents;
        this.users = users;
        this.sms = sms;
    }

    @Incoming("order-texts")
    public Uni<Void> consume(Message<byte[]> message) {
        return processedEvents.handle(CONSUMER, message, OrderNotice.TYPES, this::text);
    }

    private Uni<Void> text(IncomingCloudEventMetadata<byte[]> event) {
        OrderNotice notice = OrderNotice.from(event);
        return users.findLive(notice.userId()).chain(account -> account == null || !account.notifyBySms
                ? Uni.createFrom().voidItem()
                : sms.send(account.smsPhone, body(notice)));
    }

    /** One short line: a text is read on a lock screen. */
    static String body(OrderNotice notice) {
        String order = "Order " + notice.orderNumber();
        return switch (notice.kind()) {
            case CONFIRMED -> order + " is confirmed: " + notice.amount() + ".";
            case SHIPPED -> order + " is on its way. Tracking: " + notice.detail() + ".";
            case DELIVERED -> order + " was delivered.";
            case CANCELLED ->
                order + " was cancelled" + (notice.detail().isEmpty() ? "." : ": " + notice.detail() + ".");
            case REFUNDED -> order + " was refunded: " + notice.amount() + ".";
        };
    }
}
