package org.commercemesh.testing.kafka;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application under test at a real Kafka broker: the one named by
 * {@code COMMERCE_TEST_KAFKA_BOOTSTRAP_SERVERS} when set, otherwise a single-node KRaft broker
 * started in this JVM (see {@link TestKafkaBroker}).
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", TestKafkaBroker.bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // The broker outlives one application start: other test classes of this JVM reuse it.
    }
}
