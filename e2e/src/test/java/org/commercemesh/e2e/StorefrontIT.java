package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.commercemesh.testing.sms.TwilioApiResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storefront (web/) in Debian's Chromium, headless, driven by Playwright
 * (web/test/storefront.test.js) against this run's edge, which serves it: a purchase with a
 * typo'd search, a declined card in words, field errors beside their fields, a shared
 * wishlist opened by someone else, a review posted once, notification settings with a phone confirmed
 * by its texted code. Screenshots land in web/target/screenshots.
 */
class StorefrontIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private static Mesh mesh;

    @BeforeAll
    static void startTheMesh() {
        mesh = Mesh.get();
    }

    @Test
    void givenTheBuiltStorefront_whenAPersonUsesItInChromium_thenEveryJourneyPasses() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("Chromium is needed at %s (apt-get install chromium; .ci/run installs it)", CHROMIUM).isTrue();
        // The SMS gateway's address and credentials let the browser test read a texted code from
        // it, as the person would from their phone.
        NodeTests.assertAllPass("web", "test/storefront.test.js",
                Map.of("COMMERCE_WEB_URL", mesh.edge().toString(), "CHROMIUM", CHROMIUM.toString(),
                        "COMMERCE_TWILIO_URL", mesh.sms().baseUrl(),
                        "COMMERCE_TWILIO_ACCOUNT_SID", TwilioApiResource.ACCOUNT_SID,
                        "COMMERCE_TWILIO_AUTH_TOKEN", TwilioApiResource.AUTH_TOKEN),
                6, 300);
    }
}
