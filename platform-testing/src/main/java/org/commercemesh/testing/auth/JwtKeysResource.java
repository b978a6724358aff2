package org.commercemesh.testing.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Configures the application under test to verify (and, in user-svc, sign) access tokens with
 * the test key pair of {@link TestJwtKeys#mesh()}.
 */
public class JwtKeysResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestJwtKeys keys = TestJwtKeys.mesh();
        // Inline keys, not locations: in test mode smallrye-jwt injects an in-memory pair as
        // inline keys, and an inline key wins over any location.
        return Map.of(
                "mp.jwt.verify.publickey", read(keys.publicKeyFile()),
                "smallrye.jwt.sign.key", read(keys.privateKeyFile()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // Keys live as long as the JVM: later test classes verify with the same pair.
    }
}
