package org.commercemesh.testing.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The RSA key pair that signs and verifies access tokens in tests: generated once per JVM and
 * written as PEM files (deleted at exit), never committed. A second, unrelated pair exists to
 * forge tokens with the wrong key.
 */
public final class TestJwtKeys {

    private static final TestJwtKeys MESH = new TestJwtKeys("mesh");
    private static final TestJwtKeys FORGER = new TestJwtKeys("forger");

    private final KeyPair pair;
    private final Path privateKeyFile;
    private final Path publicKeyFile;

    private TestJwtKeys(String name) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            pair = generator.generateKeyPair();
            Path dir = Files.createTempDirectory("commerce-mesh-jwt-" + name);
            privateKeyFile = write(dir.resolve("private.pem"), "PRIVATE KEY", pair.getPrivate().getEncoded());
            publicKeyFile = write(dir.resolve("public.pem"), "PUBLIC KEY", pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pair the services under test trust. */
    public static TestJwtKeys mesh() {
        return MESH;
    }

    /** A pair nobody trusts. */
    public static TestJwtKeys forger() {
        return FORGER;
    }

    public KeyPair pair() {
        return pair;
    }

    public Path privateKeyFile() {
        return privateKeyFile;
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    private static Path write(Path file, String type, byte[] der) throws IOException {
        String pem = "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
        Files.writeString(file, pem);
        file.toFile().deleteOnExit();
        file.getParent().toFile().deleteOnExit();
        return file;
    }
}
