package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript SDK's journeys (sdk/typescript/test/journey.test.js) in Node, over grpc-web
 * through this run's edge: a purchase, a declined card, an invalid registration's field
 * violations and a real token renewal.
 */
class TypeScriptSdkIT {

    private static Mesh mesh;

    @BeforeAll
    static void startTheMesh() {
        mesh = Mesh.get();
    }

    @Test
    void givenTheBuiltSdk_whenItsNodeJourneysRunAgainstTheEdge_thenEveryOneWithoutASkipPasses() throws Exception {
        Path sdk = Path.of(System.getProperty("commerce.repository.root", "..")).resolve("sdk/typescript");
        Path output = sdk.resolve("target/journey.log");
        Files.createDirectories(output.getParent());
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=tap", "test/journey.test.js")
                .directory(sdk.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("COMMERCE_EDGE_URL", mesh.edge().toString());

        Process run = node.start();
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();

        String report = Files.readString(output);
        assertThat(run.exitValue()).as(report).isZero();
        assertThat(report).contains("# pass 4").contains("# skipped 0");
    }
}
