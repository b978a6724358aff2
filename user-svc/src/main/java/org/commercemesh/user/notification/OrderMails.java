package org.commercemesh.user.notification;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.events.ProcessedEvents;
import org.commercemesh.user.account.UserRepository;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Order e-mails (design §7), HTML and text from Qute templates, to the buyer's current address
 * unless they turned e-mail off. Sent inside the transaction that records the event, so a failed
 * send is retried (then dead-lettered) and a recorded event is not mailed twice. Texts go through
 * their own consumer ({@link OrderTexts}), so an SMS outage never re-sends an e-mail.
 */
@ApplicationScoped
public class OrderMails {

    static final String CONSUMER = "user-svc.order-mails";

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance confirmed(String firstName, OrderNotice notice);

        static native MailTemplateInstance shipped(String firstName, OrderNotice notice);

        static native MailTemplateInstance delivered(String firstName, OrderNotice notice);

        static native MailTemplateInstance cancelled(String firstName, OrderNotice notice);

        static native MailTemplateInstance refunded(String firstName, OrderNotice notice);
    }

    private final ProcessedEvents processedEvents;
    private final UserRepository users;

    public OrderMails(ProcessedEvents processedEvents, UserRepository users) {
        this.processedEvents = processedEvents;
        this.users = users;
    }

    @Incoming("order-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return processedEvents.handle(CONSUMER, message, OrderNotice.TYPES, this::mail);
    }

    private Uni<Void> mail(IncomingCloudEventMetadata<byte[]> event) {
        OrderNotice notice = OrderNotice.from(event);
        return users.findLive(notice.userId()).chain(account -> {
            if (account == null || !account.notifyByEmail) {
                return Uni.createFrom().voidItem();
            }
            String number = notice.orderNumber();
            MailTemplateInstance mail = switch (notice.kind()) {
                case CONFIRMED -> Templates.confirmed(account.firstName, notice)
                        .subject("Your order " + number + " is confirmed");
                case SHIPPED -> Templates.shipped(account.firstName, notice)
                        .subject("Your order " + number + " is on its way");
                case DELIVERED -> Templates.delivered(account.firstName, notice)
                        .subject("Your order " + number + " was delivered");
                case CANCELLED -> Templates.cancelled(account.firstName, notice)
                        .subject("Your order " + number + " was cancelled");
                case REFUNDED -> Templates.refunded(account.firstName, notice)
                        .subject("Your order " + number + " was refunded");
            };
            return mail.to(account.email).send();
        });
    }
}
