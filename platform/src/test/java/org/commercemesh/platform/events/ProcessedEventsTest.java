package org.commercemesh.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.commercemesh.platform.id.Ids;
import org.commercemesh.testing.kafka.TestEvents;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class ProcessedEventsTest {

    @Inject
    LedgerConsumer consumer;

    @Test
    void givenTheSameEventDeliveredTwice_thenTheConsumerAppliesItOnce() throws Throwable {
        String eventId = Ids.newId().toString();

        publish(eventId);
        publish(eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.deliveries(eventId) == 2);
        assertThat(ledgerAmount(eventId)).isEqualTo(1);
    }

    @Test
    void givenTwoDifferentEvents_thenBothApply() throws Throwable {
        String first = Ids.newId().toString();
        String second = Ids.newId().toString();

        publish(first);
        publish(second);

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.deliveries(second) == 1 && consumer.deliveries(first) == 1);
        assertThat(ledgerAmount(first)).isEqualTo(1);
        assertThat(ledgerAmount(second)).isEqualTo(1);
    }

    private static void publish(String eventId) {
        TestEvents.publish("platform.test.ledger", "ledger-1", eventId, "test.LedgerCredited", new byte[] {1});
    }

    private static Integer ledgerAmount(String eventId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select amount from ledger_entry where event_id = :id", Integer.class)
                        .setParameter("id", eventId)
                        .getSingleResult())));
    }
}
