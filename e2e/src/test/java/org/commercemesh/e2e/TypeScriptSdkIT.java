package org.commercemesh.e2e;

import java.util.Map;

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
        NodeTests.assertAllPass("sdk/typescript", "test/journey.test.js",
                Map.of("COMMERCE_EDGE_URL", mesh.edge().toString()), 4, 120);
    }
}
