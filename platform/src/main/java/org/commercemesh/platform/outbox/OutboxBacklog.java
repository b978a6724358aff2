package org.commercemesh.platform.outbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * How far the relay is behind, as gauges: events waiting in the outbox
 * ({@code commerce.outbox.backlog}) and the age of the oldest one in seconds
 * ({@code commerce.outbox.oldest.age}). Both stay near zero while Kafka is reachable; a growing
 * age is the first sign that events have stopped flowing. Measured by one indexed query every
 * {@code commerce.outbox.backlog-interval}, not on every scrape.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final String MEASURE = """
            select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0)::bigint
              from outbox_event where sent_at is null""";

    private final AtomicLong waiting = new AtomicLong();
    private final AtomicLong oldestSeconds = new AtomicLong();

    public OutboxBacklog(MeterRegistry registry) {
        Gauge.builder("commerce.outbox.backlog", waiting, AtomicLong::get)
                .description("Events written but not yet published to Kafka").register(registry);
        Gauge.builder("commerce.outbox.oldest.age", oldestSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest event not yet published").register(registry);
    }

    @Scheduled(every = "${commerce.outbox.backlog-interval:15s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> measure() {
        return Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(MEASURE, Object[].class).getSingleResult()))
                .invoke(row -> {
                    waiting.set(((Number) row[0]).longValue());
                    oldestSeconds.set(((Number) row[1]).longValue());
                })
                .replaceWithVoid().onFailure().recoverWithNull();
    }
}
