package org.commercemesh.testing.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning, as an outside observer would, so a test can check what a
 * service really published. Close it when done.
 */
public final class TestConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TestConsumer(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafkaBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        // Every partition assigned directly, read from the start: no consumer group, so no
        // rebalance can delay the first records.
        List<TopicPartition> partitions = partitionsOf(topic);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The topic's partitions; asking creates a missing topic, which takes a moment to show up. */
    private List<TopicPartition> partitionsOf(String topic) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("topic " + topic + " has no partitions after 30 s");
    }

    public static TestConsumer of(String topic) {
        return new TestConsumer(topic);
    }

    /**
     * Polls until a record matching {@code wanted} arrives or the timeout passes; returns every
     * record seen so far (in arrival order), whether or not the wanted one came.
     */
    public List<ConsumerRecord<String, byte[]>> pollUntil(
            Predicate<ConsumerRecord<String, byte[]>> wanted, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (seen.stream().noneMatch(wanted) && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
