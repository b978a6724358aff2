package org.commercemesh.platform.events;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.tracing.Spans;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.google.protobuf.Descriptors.Descriptor;

import io.opentelemetry.context.Context;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Makes a consumer idempotent: the event id is recorded in {@code processed_event} in the same
 * transaction as the effect, so an event delivered twice (relay retry, consumer restart,
 * rebalance, a re-driven dead letter) takes effect once. Concurrent deliveries of one event
 * serialise on the primary key.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final Logger LOG = Logger.getLogger(ProcessedEvents.class);

    private final DeadLetters deadLetters;
    private final Spans spans;

    public ProcessedEvents(DeadLetters deadLetters, Spans spans) {
        this.deadLetters = deadLetters;
        this.spans = spans;
    }

    private static final String RECORD = """
            insert into processed_event (consumer, event_id) values (:consumer, :eventId)
            on conflict do nothing""";

    /**
     * The whole handling of one consumed message: read its CloudEvent, skip types the consumer
     * does not handle, apply {@code effect} once, and acknowledge. A failed effect is never
     * acknowledged: the message is nacked, and the channel's failure strategy (design §7:
     * {@code delayed-retry-topic} with back-off, then the dead-letter topic, with the failure in
     * the record's headers) tries it again later while the partition goes on. A malformed
     * event, which no retry can mend, goes to the dead-letter topic at once.
     */
    public Uni<Void> handle(String consumer, Message<byte[]> message, Set<Descriptor> types,
            Function<IncomingCloudEventMetadata<byte[]>, Uni<Void>> effect) {
        @SuppressWarnings("unchecked")
        IncomingCloudEventMetadata<byte[]> event = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (event == null || event.getId() == null || event.getType() == null) {
            return failed(consumer, message, null, new MalformedEventException(
                    "record " + where(message) + " is not a CloudEvent with an id and a type", null));
        }
        if (types.stream().noneMatch(type -> EventPayloads.is(event, type))) {
            return Uni.createFrom().completionStage(message.ack());
        }
        // The connector's consumer span, child of the producer's: the effect joins the trace
        // of the request that wrote the event.
        Context received = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElse(null);
        String type = event.getType().substring(event.getType().lastIndexOf('.') + 1);
        return spans
                .within(received, consumer + " " + type, () -> applyOnce(consumer, event, () -> effect.apply(event)))
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(failure -> failed(consumer, message, event, failure));
    }

    private Uni<Void> failed(String consumer, Message<byte[]> message, IncomingCloudEventMetadata<byte[]> event,
            Throwable failure) {
        boolean malformed = failure instanceof MalformedEventException;
        boolean last = malformed || deadLetters.isLastAttempt(message);
        String what = event == null ? "a record" : "event " + event.getId() + " (" + event.getType() + ")";
        if (last) {
            LOG.errorf(failure, "%s could not apply %s; it goes to the dead-letter topic", consumer, what);
            deadLetters.counted(consumer);
        } else {
            LOG.warnf("%s failed on %s, will retry: %s", consumer, what, failure.toString());
        }
        return Uni.createFrom().completionStage(malformed
                ? deadLetters.nackStraightToDeadLetters(message, failure)
                : message.nack(failure));
    }

    private static String where(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(kafka -> kafka.getTopic() + "/" + kafka.getPartition() + "@" + kafka.getOffset())
                .orElse("(not from Kafka)");
    }

    /**
     * Runs {@code effect} in a transaction unless {@code consumer} already processed
     * {@code event}; returns whether it ran. When the effect fails nothing is recorded, so a
     * redelivery tries again.
     */
    public Uni<Boolean> applyOnce(String consumer, IncomingCloudEventMetadata<byte[]> event,
            Supplier<Uni<Void>> effect) {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", event.getId())
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? effect.get().replaceWith(Boolean.TRUE)
                        : Uni.createFrom().item(Boolean.FALSE)));
    }
}
