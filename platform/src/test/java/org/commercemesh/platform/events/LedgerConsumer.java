package org.commercemesh.platform.events;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.google.protobuf.StringValue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A consumer written the way services write theirs, through {@link ProcessedEvents#handle}: its
 * effect adds a ledger row. It counts attempts per event, so a test can tell "delivered twice"
 * from "applied twice", and an event whose text is {@code fail-twice} fails its first two attempts
 * (as a database or an SMTP server that is briefly away would make it), and one whose text is
 * {@code needs-ledger} fails for as long as the test says the ledger is away.
 */
@ApplicationScoped
public class LedgerConsumer {

    static final String CONSUMER = "ledger";

    private final ProcessedEvents processedEvents;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile boolean ledgerAway;

    public LedgerConsumer(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Incoming("ledger-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return processedEvents.handle(CONSUMER, message, Set.of(StringValue.getDescriptor()), event -> {
            String text = EventPayloads.parse(event, StringValue.parser()).getValue();
            int attempt = attempts.computeIfAbsent(event.getId(), id -> new AtomicInteger()).incrementAndGet();
            if (text.equals("fail-twice") && attempt <= 2 || text.equals("needs-ledger") && ledgerAway) {
                return Uni.createFrom()
                        .failure(new IllegalStateException("the ledger is away (attempt " + attempt + ")"));
            }
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery(
                            "insert into ledger_entry (event_id, amount) values (:id, 1) "
                                    + "on conflict (event_id) do update set amount = ledger_entry.amount + 1")
                            .setParameter("id", event.getId())
                            .executeUpdate())
                    .replaceWithVoid();
        });
    }

    /** While away, every {@code needs-ledger} event fails, however often it is tried. */
    public void ledgerAway(boolean away) {
        ledgerAway = away;
    }

    /** How many times the effect ran for {@code eventId} (a replay that ProcessedEvents skips does not run it). */
    public int attempts(String eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}
