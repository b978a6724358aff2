package org.commercemesh.platform.events;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A consumer written the way services write theirs: its effect (a ledger row) goes through
 * {@link ProcessedEvents}. It also counts deliveries, so a test can tell "delivered twice" from
 * "applied twice".
 */
@ApplicationScoped
public class LedgerConsumer {

    private final ProcessedEvents processedEvents;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    public LedgerConsumer(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Incoming("ledger-events")
    public Uni<Void> consume(Message<byte[]> message) {
        IncomingEvent event = IncomingEvent.from(message);
        return processedEvents.applyOnce("ledger", event, () -> Panache.getSession()
                        .chain(session -> session.createNativeQuery(
                                        "insert into ledger_entry (event_id, amount) values (:id, 1) "
                                                + "on conflict (event_id) do update set amount = ledger_entry.amount + 1")
                                .setParameter("id", event.id())
                                .executeUpdate())
                        .replaceWithVoid())
                .invoke(applied -> deliveries.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet())
                .chain(applied -> Uni.createFrom().completionStage(message.ack()));
    }

    public int deliveries(String eventId) {
        AtomicInteger count = deliveries.get(eventId);
        return count == null ? 0 : count.get();
    }
}
