package org.commercemesh.user.mail;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.order.v1.OrderShipped;
import org.commercemesh.platform.events.EventPayloads;
import org.commercemesh.platform.events.ProcessedEvents;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.account.UserRepository;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Order e-mails (design §7): an order confirmation on OrderConfirmed and a shipping notice on
 * OrderShipped, to the buyer's current address. The mail is sent inside the transaction that
 * records the event, so a failed send is retried on redelivery and a recorded event is not
 * mailed twice; a buyer who deleted their account gets nothing.
 */
@ApplicationScoped
public class OrderMailer {

    static final String CONSUMER = "user-svc.order-mails";

    private final ProcessedEvents processedEvents;
    private final UserRepository users;
    private final ReactiveMailer mailer;

    public OrderMailer(ProcessedEvents processedEvents, UserRepository users, ReactiveMailer mailer) {
        this.processedEvents = processedEvents;
        this.users = users;
        this.mailer = mailer;
    }

    @Incoming("order-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return processedEvents.handle(CONSUMER, message,
                Set.of(OrderConfirmed.getDescriptor(), OrderShipped.getDescriptor()),
                this::mail);
    }

    private Uni<Void> mail(IncomingCloudEventMetadata<byte[]> event) {
        if (EventPayloads.is(event, OrderConfirmed.getDescriptor())) {
            OrderConfirmed confirmed = EventPayloads.parse(event, OrderConfirmed.parser());
            Amount total = Amount.fromProto(confirmed.getTotal());
            return send(confirmed.getUserId(), account -> Mail.withText(account.email,
                    "Your order " + confirmed.getOrderNumber() + " is confirmed",
                    "Hello " + account.firstName + ",\n\nthank you for your order " + confirmed.getOrderNumber()
                            + ". We received your payment of " + total.toDisplayString()
                            + " and are preparing " + confirmed.getLinesCount() + " item(s) for shipping.\n"));
        }
        OrderShipped shipped = EventPayloads.parse(event, OrderShipped.parser());
        return send(shipped.getUserId(), account -> Mail.withText(account.email,
                "Your order " + shipped.getOrderNumber() + " is on its way",
                "Hello " + account.firstName + ",\n\nyour order " + shipped.getOrderNumber()
                        + " has been handed to the carrier. Tracking number: " + shipped.getTrackingNumber() + "\n"));
    }

    private Uni<Void> send(String userId, java.util.function.Function<UserAccount, Mail> compose) {
        return users.findLive(UUID.fromString(userId))
                .chain(account -> account == null ? Uni.createFrom().voidItem() : mailer.send(compose.apply(account)));
    }
}
