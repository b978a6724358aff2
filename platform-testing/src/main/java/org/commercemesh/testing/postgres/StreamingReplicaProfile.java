package org.commercemesh.testing.postgres;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A service on a private primary with a streaming standby behind its read datasource
 * ({@link StreamingReplicaResource}): for the tests that prove which paths read the replica.
 */
public class StreamingReplicaProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(StreamingReplicaResource.class));
    }
}
