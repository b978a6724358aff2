package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Node test file of the repository (node --test, TAP report kept under the module's
 * target/) against this run's mesh, and asserts every test in it ran and passed.
 */
final class NodeTests {

    private NodeTests() {
    }

    static void assertAllPass(String module, String testFile, Map<String, String> env, int expected, int timeoutSeconds)
            throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("commerce.repository.root", "..")).resolve(module);
        Path output = dir.resolve("target/" + Path.of(testFile).getFileName() + ".log");
        Files.createDirectories(output.getParent());
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=tap", testFile)
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().putAll(env);

        Process run = node.start();
        assertThat(run.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("node finished " + testFile).isTrue();

        String report = Files.readString(output);
        assertThat(run.exitValue()).as(report).isZero();
        assertThat(report).contains("# pass " + expected).contains("# skipped 0");
    }
}
