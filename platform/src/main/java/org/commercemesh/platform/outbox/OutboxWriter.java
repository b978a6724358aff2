package org.commercemesh.platform.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.tracing.TraceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.google.protobuf.Message;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Appends a domain event to the outbox inside the caller's Hibernate Reactive transaction, so
 * the event exists exactly when the state change it announces was committed. The relay
 * publishes it afterwards, in the trace of the request that caused it.
 */
@ApplicationScoped
public class OutboxWriter {

    private final Optional<String> topic;

    /** {@code topic}: the service's own event topic; a service without one writes only to others' (audit). */
    public OutboxWriter(@ConfigProperty(name = "commerce.events.topic") Optional<String> topic) {
        this.topic = topic;
    }

    /**
     * Records {@code event} about the aggregate {@code aggregateId} (the Kafka key, so events of
     * one aggregate stay in order). Fails when called outside a transaction: an event written
     * on its own could announce a change that never happened.
     */
    public Uni<OutboxEvent> append(String aggregateId, Message event) {
        return appendTo(topic.orElseThrow(() -> new IllegalStateException(
                "commerce.events.topic is not set: this service publishes no events of its own")), aggregateId, event);
    }

    /** Like {@link #append}, to a topic other than the service's own (the audit log's). */
    public Uni<OutboxEvent> appendTo(String topic, String aggregateId, Message event) {
        return Panache.currentTransaction()
                .onItem().ifNull().failWith(() -> new IllegalStateException(
                        "outbox events must be appended inside the transaction of the change they announce"))
                .chain(transaction -> {
                    OutboxEvent row = new OutboxEvent();
                    row.eventId = Ids.newId();
                    row.topic = topic;
                    row.aggregateId = aggregateId;
                    row.eventType = event.getDescriptorForType().getFullName();
                    row.payload = event.toByteArray();
                    // PostgreSQL keeps microseconds; the header and the row must agree.
                    row.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    TraceContext trace = TraceContext.current();
                    row.traceparent = trace.traceparent();
                    row.tracestate = trace.tracestate();
                    return row.<OutboxEvent>persist();
                });
    }
}
