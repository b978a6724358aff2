package org.commercemesh.testing.sms;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A {@link TwilioApi} for the test JVM, and the service's SMS provider pointed at it. */
public class TwilioApiResource implements QuarkusTestResourceLifecycleManager {

    public static final String ACCOUNT_SID = "AC00000000000000000000000000000test";
    public static final String AUTH_TOKEN = "test-auth-token";
    public static final String FROM = "+15005550006";

    private static TwilioApi api;

    @Override
    public Map<String, String> start() {
        api = new TwilioApi(ACCOUNT_SID, AUTH_TOKEN);
        return Map.of(
                "commerce.sms.provider", "twilio",
                "commerce.sms.twilio.base-url", api.baseUrl(),
                "commerce.sms.twilio.account-sid", ACCOUNT_SID,
                "commerce.sms.twilio.auth-token", AUTH_TOKEN,
                "commerce.sms.twilio.from", FROM);
    }

    @Override
    public void stop() {
        if (api != null) {
            api.close();
        }
    }

    public static TwilioApi api() {
        return api;
    }
}
