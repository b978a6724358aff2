package org.commercemesh.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.commercemesh.platform.context.CallerContext;
import org.commercemesh.platform.tracing.TraceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.ConsumeEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes pending outbox rows to Kafka in {@code seq} order and marks them sent, at least once:
 * a crash between the broker's acknowledgement and the commit re-sends the batch, which
 * consumers absorb through {@code ProcessedEvents}.
 *
 * <p>A transaction-scoped advisory lock lets one replica relay at a time, so the per-aggregate
 * order that {@code seq} gives survives several replicas of a service.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String RELAY_LOCK = "select pg_try_advisory_xact_lock(hashtext('commerce.outbox.relay'))";

    private static final String CONTENT_TYPE = "content-type";
    private static final byte[] PROTOBUF = "application/protobuf".getBytes(StandardCharsets.UTF_8);

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final MutinyEmitter<byte[]> emitter;
    private final URI source;
    private final int batchSize;

    public OutboxRelay(@Channel("domain-events") MutinyEmitter<byte[]> emitter,
            @ConfigProperty(name = "quarkus.application.name") String source,
            @ConfigProperty(name = "commerce.outbox.batch-size", defaultValue = "200") int batchSize) {
        this.emitter = emitter;
        this.source = URI.create(source);
        this.batchSize = batchSize;
    }

    // The first run waits for Reactive Messaging to finish wiring the emitter at start-up; after
    // it, polling is only the fallback for a missed notification.
    @Scheduled(every = "${commerce.outbox.relay-interval:5s}", delayed = "${commerce.outbox.relay-delay:3s}")
    Uni<Void> relayOnSchedule() {
        return relayUntilIdle();
    }

    /** A transaction that wrote events has committed (see OutboxNotifications). */
    @ConsumeEvent(OutboxNotifications.COMMITTED)
    Uni<Void> relayOnCommit(String ignored) {
        return relayUntilIdle();
    }

    /**
     * Relays batch after batch while there is more. One relay runs at a time in this process; a
     * call that arrives while it runs makes it go round once more instead of starting another.
     */
    Uni<Void> relayUntilIdle() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return Uni.createFrom().voidItem();
        }
        return drain()
                .onFailure()
                .invoke(failure -> LOG.warnf("outbox relay failed, retrying next run: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .invoke(() -> running.set(false))
                .chain(() -> again.get() ? relayUntilIdle() : Uni.createFrom().voidItem());
    }

    private Uni<Void> drain() {
        again.set(false);
        return relayPending().chain(sent -> sent == batchSize || again.get() ? drain() : Uni.createFrom().voidItem());
    }

    /** Publishes one batch of pending events; returns how many were sent (0 when another replica holds the lock). */
    public Uni<Integer> relayPending() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(RELAY_LOCK, Boolean.class).getSingleResult())
                .chain(locked -> Boolean.TRUE.equals(locked) ? publishBatch() : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishBatch() {
        return OutboxEvent.<OutboxEvent>find("sentAt is null order by seq")
                .range(0, batchSize - 1)
                .list()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(0) : publish(rows));
    }

    private Uni<Integer> publish(List<OutboxEvent> rows) {
        // Acknowledgements complete on Kafka's threads; the session must be used on its own context again.
        Executor sessionContext = CallerContext.current();
        List<Uni<Void>> sends = rows.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast()
                .emitOn(sessionContext)
                .chain(acknowledged -> OutboxEvent.update("sentAt = ?1 where seq in ?2",
                        Instant.now(), rows.stream().map(row -> row.seq).toList()))
                .replaceWith(rows.size());
    }

    /**
     * CloudEvents binary mode (design §7), written by the connector: the record value is the
     * protobuf payload and the attributes travel as {@code ce_*} headers. The content type goes
     * in the Kafka {@code content-type} header, as the binding maps datacontenttype.
     */
    private Uni<Void> send(OutboxEvent row) {
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic)
                .withKey(row.aggregateId)
                .withHeaders(new RecordHeaders().add(CONTENT_TYPE, PROTOBUF))
                .build();
        OutgoingCloudEventMetadata<byte[]> event = OutgoingCloudEventMetadata.<byte[]>builder()
                .withId(row.eventId.toString())
                .withType(row.eventType)
                .withSource(source)
                .withSubject(row.aggregateId)
                .withTimestamp(row.occurredAt.atZone(ZoneOffset.UTC))
                .build();
        // The connector's producer span (and the traceparent header it writes) continues the
        // trace of the transaction that wrote the row, not the relay's own.
        TracingMetadata trace = TracingMetadata
                .withCurrent(new TraceContext(row.traceparent, row.tracestate).restore());
        return emitter.sendMessage(Message.of(row.payload).addMetadata(kafka).addMetadata(event).addMetadata(trace));
    }
}
