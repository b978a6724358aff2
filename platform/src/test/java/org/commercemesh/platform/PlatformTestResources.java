package org.commercemesh.platform;

import org.commercemesh.testing.kafka.KafkaBrokerResource;
import org.commercemesh.testing.postgres.PostgresDatabaseResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every Quarkus test of this module runs against a fresh database and a real Kafka broker. */
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
public final class PlatformTestResources {

    private PlatformTestResources() {
    }
}
