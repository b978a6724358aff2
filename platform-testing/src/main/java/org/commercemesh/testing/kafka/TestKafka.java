package org.commercemesh.testing.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.google.protobuf.Message;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The SmallRye Kafka test companion on the test broker, and the two things tests ask of it:
 * read a topic as an outside observer would, and publish an event as another service would.
 */
public final class TestKafka {

    private static KafkaCompanion companion;

    private TestKafka() {
    }

    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(TestKafkaBroker.bootstrapServers(), Duration.ofSeconds(30));
        }
        return companion;
    }

    /**
     * Every record of {@code topic} from its first offset on, as they arrive. Partitions are
     * assigned directly — no consumer group, so no rebalance delays the first records. Close the
     * task when done.
     */
    public static ConsumerTask<String, byte[]> readFromStart(String topic) {
        int partitions = companion().topics().waitForTopic(topic).await().atMost(Duration.ofSeconds(30)).partitions()
                .size();
        Map<TopicPartition, Long> fromStart = IntStream.range(0, partitions).boxed()
                .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition), partition -> 0L));
        return companion().consume(String.class, byte[].class).fromOffsets(fromStart, Function.identity());
    }

    /**
     * Waits until a record matching {@code wanted} has arrived or {@code timeout} passes; returns
     * every record read so far, in arrival order, whether or not the wanted one came.
     */
    public static List<ConsumerRecord<String, byte[]>> recordsUntil(ConsumerTask<String, byte[]> task,
            Predicate<ConsumerRecord<String, byte[]>> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (task.stream().noneMatch(wanted) && Instant.now().isBefore(deadline)) {
            KafkaCompanion.sleep(Duration.ofMillis(50));
        }
        return task.getRecords();
    }

    /** The value of a record's header, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Publishes {@code event} as another service's outbox relay would: protobuf value, CloudEvents
     * binary headers. Publishing one event id twice is how tests redeliver an event.
     */
    public static void publish(String topic, String key, String eventId, Message event) {
        publish(topic, key, eventId, event.getDescriptorForType().getFullName(), event.toByteArray());
    }

    public static void publish(String topic, String key, String eventId, String type, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, key, payload, List.of(
                header("ce_specversion", "1.0"), header("ce_id", eventId), header("ce_type", type),
                header("ce_source", "test"), header("content-type", "application/protobuf")));
        companion().produce(String.class, byte[].class).fromRecords(record).awaitCompletion();
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
