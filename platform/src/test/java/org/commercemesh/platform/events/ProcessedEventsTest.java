package org.commercemesh.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.testing.kafka.TestKafka.header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.testing.vertx.OnVertx;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.google.protobuf.StringValue;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

@QuarkusTest
class ProcessedEventsTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);
    private static final String TYPE = "google.protobuf.StringValue";

    @Inject
    LedgerConsumer consumer;

    @Inject
    DeadLetters deadLetters;

    @Test
    void givenTheSameEventDeliveredTwice_thenTheConsumerAppliesItOnce() {
        String eventId = Ids.newId().toString();
        String sentinel = Ids.newId().toString();

        publish("ledger-1", eventId, text("credit"));
        publish("ledger-1", eventId, text("credit"));
        // Same key, so same partition: once the sentinel is applied, both deliveries above were handled.
        publish("ledger-1", sentinel, text("credit"));

        await().atMost(EVENTUALLY).until(() -> ledgerAmount(sentinel) == 1);
        assertThat(ledgerAmount(eventId)).isEqualTo(1);
        assertThat(consumer.attempts(eventId)).isEqualTo(1);
    }

    @Test
    void givenAnEffectFailingTwiceThenSucceeding_thenItIsRetriedAndAppliedExactlyOnce() {
        String eventId = Ids.newId().toString();

        publish("ledger-2", eventId, text("fail-twice"));

        await().atMost(EVENTUALLY).until(() -> ledgerAmount(eventId) == 1);
        assertThat(consumer.attempts(eventId)).isEqualTo(3);
        assertThat(ledgerAmount(eventId)).isEqualTo(1);
    }

    @Test
    void givenAPoisonEvent_thenItLandsInTheDeadLetterTopicWithItsFailureAndThePartitionGoesOn() {
        String poison = Ids.newId().toString();
        String next = Ids.newId().toString();
        double deadBefore = deadLetters.count(LedgerConsumer.CONSUMER);

        publish("ledger-3", poison, new byte[]{ (byte) 0xFF, 0x01 });
        publish("ledger-3", next, text("credit"));

        await().atMost(EVENTUALLY).until(() -> ledgerAmount(next) == 1);
        try (ConsumerTask<String, byte[]> dlq = TestKafka.readFromStart("ledger.dlq")) {
            await().atMost(EVENTUALLY)
                    .until(() -> dlq.stream().anyMatch(record -> poison.equals(header(record, "ce_id"))));
            ConsumerRecord<String, byte[]> letter = dlq.stream()
                    .filter(record -> poison.equals(header(record, "ce_id")))
                    .findFirst().orElseThrow();
            assertThat(header(letter, "delayed-retry-reason")).contains("malformed payload");
            assertThat(header(letter, "delayed-retry-topic")).isEqualTo("platform.test.ledger");
        }
        assertThat(deadLetters.count(LedgerConsumer.CONSUMER)).isEqualTo(deadBefore + 1);
        assertThat(ledgerAmount(poison)).isZero();
    }

    @Test
    void givenRecordsThatAreNotWholeCloudEvents_thenTheyAreDeadLetteredAndThePartitionGoesOn() {
        String next = Ids.newId().toString();
        double deadBefore = deadLetters.count(LedgerConsumer.CONSUMER);

        // No CloudEvents headers at all, then a CloudEvent whose source is missing.
        TestKafka.companion().produce(String.class, byte[].class).fromRecords(
                new ProducerRecord<>("platform.test.ledger", "ledger-5", text("credit")),
                new ProducerRecord<>("platform.test.ledger", null, "ledger-5", text("credit"), List.of(
                        new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8)),
                        new RecordHeader("ce_id", Ids.newId().toString().getBytes(StandardCharsets.UTF_8)),
                        new RecordHeader("ce_type", TYPE.getBytes(StandardCharsets.UTF_8)))))
                .awaitCompletion();
        publish("ledger-5", next, text("credit"));

        await().atMost(EVENTUALLY).until(() -> ledgerAmount(next) == 1);
        await().atMost(EVENTUALLY).until(() -> deadLetters.count(LedgerConsumer.CONSUMER) == deadBefore + 2);
    }

    @Test
    void givenAnEffectThatKeepsFailing_whenRetriesRunOut_thenItIsDeadLetteredAndReDrivenToItsEffectOnceFixed() {
        String eventId = Ids.newId().toString();
        double deadBefore = deadLetters.count(LedgerConsumer.CONSUMER);
        consumer.ledgerAway(true);

        publish("ledger-4", eventId, text("needs-ledger"));
        await().atMost(EVENTUALLY).until(() -> deadLetters.count(LedgerConsumer.CONSUMER) == deadBefore + 1);
        assertThat(consumer.attempts(eventId)).isEqualTo(3);
        assertThat(ledgerAmount(eventId)).isZero();

        consumer.ledgerAway(false);
        DeadLetterRedrive redrive = new DeadLetterRedrive(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        await().atMost(EVENTUALLY).until(
                () -> redrive.pending("ledger.dlq").stream().anyMatch(letter -> eventId.equals(letter.eventId())));
        assertThat(redrive.redrive("ledger.dlq")).isPositive();

        await().atMost(EVENTUALLY).until(() -> ledgerAmount(eventId) == 1);
        assertThat(redrive.pending("ledger.dlq")).isEmpty();
        assertThat(redrive.redrive("ledger.dlq")).isZero();
        assertThat(ledgerAmount(eventId)).isEqualTo(1);
    }

    private static byte[] text(String value) {
        return StringValue.of(value).toByteArray();
    }

    private static void publish(String key, String eventId, byte[] payload) {
        TestKafka.publish("platform.test.ledger", key, eventId, TYPE, payload);
    }

    private static Integer ledgerAmount(String eventId) {
        return OnVertx.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select coalesce(sum(amount), 0) from ledger_entry where event_id = :id",
                                Integer.class)
                        .setParameter("id", eventId)
                        .getSingleResult())));
    }
}
