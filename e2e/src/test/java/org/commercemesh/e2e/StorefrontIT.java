package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The storefront (web/) in Debian's Chromium, headless, driven by Playwright
 * (web/test/storefront.test.js) against this run's edge, which serves it: a purchase with a
 * typo'd search, a declined card in words, field errors beside their fields, a shared
 * wishlist opened by someone else. Screenshots land in web/target/screenshots.
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
        Path web = Path.of(System.getProperty("commerce.repository.root", "..")).resolve("web");
        Path output = web.resolve("target/storefront.log");
        Files.createDirectories(output.getParent());
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=tap", "test/storefront.test.js")
                .directory(web.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("COMMERCE_WEB_URL", mesh.edge().toString());
        node.environment().put("CHROMIUM", CHROMIUM.toString());

        Process run = node.start();
        assertThat(run.waitFor(300, TimeUnit.SECONDS)).as("the browser journeys finished").isTrue();

        String report = Files.readString(output);
        assertThat(run.exitValue()).as(report).isZero();
        assertThat(report).contains("# pass 4").contains("# skipped 0");
    }
}
