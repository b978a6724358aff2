package org.commercemesh.platform.events;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Makes a consumer idempotent: the event id is recorded in {@code processed_event} in the same
 * transaction as the effect, so an event delivered twice (relay retry, consumer restart,
 * rebalance) takes effect once. Concurrent deliveries of one event serialise on the primary key.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String RECORD = """
            insert into processed_event (consumer, event_id) values (:consumer, :eventId)
            on conflict do nothing""";

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
