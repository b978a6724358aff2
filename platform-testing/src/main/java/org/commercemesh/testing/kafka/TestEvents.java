package org.commercemesh.testing.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.google.protobuf.Message;

/**
 * Publishes a domain event the way another service's outbox relay would (protobuf value,
 * CloudEvents binary headers), so a consumer can be tested before — or without — its producer.
 * Publishing the same event id twice is how tests redeliver an event.
 */
public final class TestEvents {

    private TestEvents() {
    }

    public static void publish(String topic, String key, String eventId, Message event) {
        publish(topic, key, eventId, event.getDescriptorForType().getFullName(), event.toByteArray());
    }

    public static void publish(String topic, String key, String eventId, String type, byte[] payload) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, payload, List.of(
                    new RecordHeader("ce_id", eventId.getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader("ce_type", type.getBytes(StandardCharsets.UTF_8)),
                    new RecordHeader("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + type, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("publishing " + type + " failed", e.getCause());
        }
    }
}
