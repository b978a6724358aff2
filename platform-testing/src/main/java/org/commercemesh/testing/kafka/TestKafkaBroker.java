package org.commercemesh.testing.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * One real Kafka broker for every test of a JVM: started on first use (KRaft, broker and
 * controller in one node, ready in about two seconds), stopped when the JVM exits. Starting one
 * per Quarkus application would cost seconds per test class for nothing.
 */
public final class TestKafkaBroker {

    private static final String OVERRIDE = "COMMERCE_TEST_KAFKA_BOOTSTRAP_SERVERS";
    private static final int PARTITIONS = 3;
    private static final List<String> DOMAIN_TOPICS = List.of("user.events", "catalog.events", "order.events");
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
                    properties.put("num.partitions", String.valueOf(PARTITIONS));
                })
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "test-kafka-broker-stop"));
        createDomainTopics(broker.getAdvertisedListeners());
        return broker.getAdvertisedListeners();
    }

    /**
     * The services' event topics exist before anything writes to them. A first write that
     * auto-creates a topic can race its partitions' leader election; the idempotent producer
     * then re-sends a batch the broker had already appended and stays stuck on
     * OUT_OF_ORDER_SEQUENCE_NUMBER (seen in CI with order-svc's outbox relay).
     */
    private static void createDomainTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(DOMAIN_TOPICS.stream().map(topic -> new NewTopic(topic, PARTITIONS, (short) 1)).toList())
                    .all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not create the domain topics on the test broker", e);
        }
    }
}
