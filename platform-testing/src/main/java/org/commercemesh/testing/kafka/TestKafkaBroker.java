package org.commercemesh.testing.kafka;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * One real Kafka broker for every test of a JVM: started on first use (KRaft, broker and
 * controller in one node, ready in about two seconds), stopped when the JVM exits. Starting one
 * per Quarkus application would cost seconds per test class for nothing.
 */
public final class TestKafkaBroker {

    private static final String OVERRIDE = "COMMERCE_TEST_KAFKA_BOOTSTRAP_SERVERS";
    private static String bootstrapServers;

    private TestKafkaBroker() {
    }

    /** Bootstrap servers of the external broker when configured, else of the in-JVM one. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv(OVERRIDE);
            bootstrapServers = external != null && !external.isBlank() ? external : startEmbedded();
        }
        return bootstrapServers;
    }

    private static String startEmbedded() {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(properties -> {
                    properties.put("group.initial.rebalance.delay.ms", "0");
                    properties.put("num.partitions", "3");
                })
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-broker-stop"));
        return broker.getAdvertisedListeners();
    }
}
