package org.commercemesh.platform.events;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.google.protobuf.Descriptors.Descriptor;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Makes a consumer idempotent: the event id is recorded in {@code processed_event} in the same
 * transaction as the effect, so an event delivered twice (relay retry, consumer restart,
 * rebalance) takes effect once. Concurrent deliveries of one event serialise on the primary key.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private static final String RECORD = """
            insert into processed_event (consumer, event_id) values (:consumer, :eventId)
            on conflict do nothing""";

    /**
     * The whole handling of one consumed message: read its CloudEvent, skip types the consumer
     * does not handle, apply {@code effect} once, and acknowledge. A failing effect is logged
     * and acknowledged too (nothing is recorded, so a redelivery would try again); a poison
     * message must not stop the partition.
     */
    public Uni<Void> handle(String consumer, Message<byte[]> message, Set<Descriptor> types,
            Function<IncomingEvent, Uni<Void>> effect) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message);
        } catch (IllegalArgumentException unreadable) {
            LOG.warnf("%s skips a record that is not a CloudEvent: %s", consumer, unreadable.getMessage());
            return Uni.createFrom().completionStage(message.ack());
        }
        if (types.stream().noneMatch(event::is)) {
            return Uni.createFrom().completionStage(message.ack());
        }
        return applyOnce(consumer, event, () -> effect.apply(event))
                .onFailure().invoke(failure -> LOG.errorf(failure, "%s failed on event %s (%s)", consumer, event.id(), event.type()))
                .onFailure().recoverWithNull()
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    /**
     * Runs {@code effect} in a transaction unless {@code consumer} already processed
     * {@code event}; returns whether it ran. When the effect fails nothing is recorded, so a
     * redelivery tries again.
     */
    public Uni<Boolean> applyOnce(String consumer, IncomingEvent event, Supplier<Uni<Void>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", event.id())
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? effect.get().replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)));
    }
}
