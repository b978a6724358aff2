package org.commercemesh.testing.shipping;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A {@link CarrierApi} for the test JVM, and order-svc's shipping provider pointed at it. */
public class CarrierApiResource implements QuarkusTestResourceLifecycleManager {

    public static final String API_KEY = "EZTK-test-carrier-key";

    private static CarrierApi api;

    @Override
    public Map<String, String> start() {
        api = new CarrierApi(API_KEY);
        return Map.of("commerce.shipping.provider", "carrier",
                "commerce.shipping.carrier.base-url", api.baseUrl(),
                "commerce.shipping.carrier.api-key", API_KEY);
    }

    @Override
    public void stop() {
        if (api != null) {
            api.close();
        }
    }

    public static CarrierApi api() {
        return api;
    }
}
