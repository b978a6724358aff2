package org.commercemesh.order;

import org.commercemesh.testing.auth.JwtKeysResource;
import org.commercemesh.testing.kafka.KafkaBrokerResource;
import org.commercemesh.testing.postgres.PostgresDatabaseResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of order-svc runs against a fresh database, a real Kafka broker and the test key pair. */
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
public final class OrderSvcTestResources {

    private OrderSvcTestResources() {
    }
}
