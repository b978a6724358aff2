package org.commercemesh.order;

import org.commercemesh.testing.auth.JwtKeysResource;
import org.commercemesh.testing.kafka.KafkaBrokerResource;
import org.commercemesh.testing.postgres.PostgresDatabaseResource;
import org.commercemesh.testing.shipping.CarrierApiResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every test of order-svc runs against a fresh database, a real Kafka broker, the test key pair and
 * a local server speaking a carrier aggregator's API.
 */
@WithTestResource(value = PostgresDatabaseResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaBrokerResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = JwtKeysResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CarrierApiResource.class, scope = TestResourceScope.GLOBAL)
public final class OrderSvcTestResources {

    private OrderSvcTestResources() {
    }
}
