package org.commercemesh.platform.events;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDelayedRetryTopic;

/**
 * What the consumers' failure strategy does with an event that failed (design §7), as
 * configured per channel: {@code delayed-retry-topic.topics} (one topic per back-off step,
 * named {@code <consumer>.retry_<millis>}) and {@code dead-letter-queue.topic}
 * ({@code <consumer>.dlq}). Counts what reaches the dead-letter topic as
 * {@code commerce.events.dead.letters} per consumer, so an operator sees it without reading it.
 */
@ApplicationScoped
public class DeadLetters {

    private final Config config;
    private final MeterRegistry registry;

    public DeadLetters(Config config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    /** Whether the failure strategy sends this message to the dead-letter topic rather than retrying it once more. */
    boolean isLastAttempt(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(kafka -> {
            String prefix = "mp.messaging.incoming." + kafka.getChannel() + ".delayed-retry-topic.";
            int retries = config.getOptionalValue(prefix + "max-retries", Integer.class)
                    .orElseGet(() -> config.getOptionalValue(prefix + "topics", String.class)
                            .map(topics -> topics.split(",").length).orElse(0));
            return KafkaDelayedRetryTopic.getRetryHeader(kafka.getHeaders()) >= retries;
        }).orElse(true);
    }

    /** Nacks {@code message} into its channel's dead-letter topic, skipping the retries. */
    CompletionStage<Void> nackStraightToDeadLetters(Message<?> message, Throwable failure) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .flatMap(kafka -> config.getOptionalValue(
                        "mp.messaging.incoming." + kafka.getChannel() + ".dead-letter-queue.topic", String.class))
                .map(topic -> message.nack(failure,
                        Metadata.of(OutgoingKafkaRecordMetadata.builder().withTopic(topic).build())))
                .orElseGet(() -> message.nack(failure));
    }

    void counted(String consumer) {
        Counter.builder("commerce.events.dead.letters")
                .description("Events a consumer gave up on, sent to its dead-letter topic")
                .tag("consumer", consumer)
                .register(registry)
                .increment();
    }

    /** How many events {@code consumer} has dead-lettered since this process started. */
    public double count(String consumer) {
        Counter counter = registry.find("commerce.events.dead.letters").tag("consumer", consumer).counter();
        return counter == null ? 0 : counter.count();
    }
}
