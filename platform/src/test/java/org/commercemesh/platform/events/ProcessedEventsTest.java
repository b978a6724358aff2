package org.commercemesh.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.testing.kafka.TestKafkaBroker;
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

        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record(eventId)).get();
            producer.send(record(eventId)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.deliveries(eventId) == 2);
        assertThat(ledgerAmount(eventId)).isEqualTo(1);
    }

    @Test
    void givenTwoDifferentEvents_thenBothApply() throws Throwable {
        String first = Ids.newId().toString();
        String second = Ids.newId().toString();

        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record(first)).get();
            producer.send(record(second)).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.deliveries(second) == 1 && consumer.deliveries(first) == 1);
        assertThat(ledgerAmount(first)).isEqualTo(1);
        assertThat(ledgerAmount(second)).isEqualTo(1);
    }

    private static ProducerRecord<String, byte[]> record(String eventId) {
        return new ProducerRecord<>("platform.test.ledger", null, "ledger-1", new byte[] {1},
                List.of(new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)),
                        new RecordHeader("ce_type", "test.LedgerCredited".getBytes(StandardCharsets.UTF_8))));
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static Integer ledgerAmount(String eventId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select amount from ledger_entry where event_id = :id", Integer.class)
                        .setParameter("id", eventId)
                        .getSingleResult())));
    }
}
