package org.commercemesh.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-drives a consumer's dead letters once their cause is fixed (SMTP back, a bug deployed
 * away): each record in the dead-letter topic that was not re-driven before goes back to the
 * topic it came from, with its key and CloudEvents headers and without the failure headers. The
 * consumers are idempotent per event id, so the ones that already applied it skip it and the
 * one that failed applies it now. Progress is a consumer group per dead-letter topic, so every
 * dead letter is re-driven once. {@code dev/dead-letters} runs it; {@link #main} is its entry.
 */
public final class DeadLetterRedrive {

    /** A dead letter as an operator reads it. */
    public record DeadLetter(String eventId, String type, String subject, String originalTopic, String reason) {
    }

    private static final String ORIGINAL_TOPIC = "delayed-retry-topic";
    private static final String REASON = "delayed-retry-reason";
    private static final Set<String> FAILURE_HEADER_PREFIXES = Set.of("delayed-retry-", "dead-letter-");
    private static final Duration POLL = Duration.ofMillis(500);

    private final String bootstrapServers;

    public DeadLetterRedrive(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The dead letters not re-driven yet. */
    public List<DeadLetter> pending(String deadLetterTopic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(deadLetterTopic)) {
            return readToEnd(consumer, deadLetterTopic).stream().map(DeadLetterRedrive::describe).toList();
        }
    }

    /** Sends every dead letter not re-driven yet back to its original topic; returns how many. */
    public int redrive(String deadLetterTopic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(deadLetterTopic);
                KafkaProducer<byte[], byte[]> producer = producer()) {
            List<ConsumerRecord<byte[], byte[]>> letters = readToEnd(consumer, deadLetterTopic);
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                String original = header(letter, ORIGINAL_TOPIC);
                if (original == null) {
                    throw new IllegalStateException("dead letter at offset " + letter.offset()
                            + " does not say which topic it came from (no " + ORIGINAL_TOPIC + " header)");
                }
                ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(original, letter.key(), letter.value());
                for (Header header : letter.headers()) {
                    if (FAILURE_HEADER_PREFIXES.stream().noneMatch(header.key()::startsWith)) {
                        again.headers().add(header);
                    }
                }
                producer.send(again);
            }
            producer.flush();
            consumer.commitSync();
            return letters.size();
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String deadLetterTopic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "commerce.redrive." + deadLetterTopic);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(deadLetterTopic, info.partition())).toList();
        consumer.assign(partitions);
        return consumer;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    // Reads from the group's committed position (or the start) up to the end offsets seen now.
    private static List<ConsumerRecord<byte[], byte[]>> readToEnd(KafkaConsumer<byte[], byte[]> consumer,
            String topic) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        List<ConsumerRecord<byte[], byte[]>> read = new ArrayList<>();
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (end.entrySet().stream()
                .anyMatch(partition -> consumer.position(partition.getKey()) < partition.getValue())) {
            if (System.nanoTime() > giveUpAt) {
                throw new IllegalStateException("could not read " + topic + " to its end within 30 s");
            }
            consumer.poll(POLL).forEach(record -> {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.get(partition)) {
                    read.add(record);
                }
            });
        }
        end.forEach((partition, offset) -> consumer.seek(partition, offset));
        return read;
    }

    private static DeadLetter describe(ConsumerRecord<byte[], byte[]> letter) {
        return new DeadLetter(header(letter, "ce_id"), header(letter, "ce_type"), header(letter, "ce_subject"),
                header(letter, ORIGINAL_TOPIC), header(letter, REASON));
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** {@code list|redrive <dead-letter-topic>} against KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:19092). */
    public static void main(String[] args) {
        if (args.length != 2 || !Set.of("list", "redrive").contains(args[0])) {
            System.err.println("usage: dead-letters list|redrive <dead-letter-topic>   e.g. user-svc.order-events.dlq");
            System.exit(2);
        }
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
        DeadLetterRedrive redrive = new DeadLetterRedrive(bootstrap);
        if (args[0].equals("list")) {
            List<DeadLetter> pending = redrive.pending(args[1]);
            pending.forEach(
                    letter -> System.out.println(letter.eventId() + "  " + letter.type() + " of " + letter.subject()
                            + "  from " + letter.originalTopic() + "  because: " + letter.reason()));
            System.out.println(pending.size() + " dead letter(s) not re-driven yet in " + args[1]);
        } else {
            System.out.println("re-drove " + redrive.redrive(args[1]) + " dead letter(s) from " + args[1]);
        }
    }
}
