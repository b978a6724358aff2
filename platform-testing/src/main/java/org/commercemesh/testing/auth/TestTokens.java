package org.commercemesh.testing.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

import io.grpc.Metadata;
import io.quarkus.grpc.GrpcClientUtils;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens for tests: valid ones for a customer or an admin, and the forgeries a real
 * attacker would try (expired, wrong issuer or audience, wrong key, {@code alg: none}, a
 * tampered payload). All mirror what user-svc issues: RS256, {@code sub}, {@code groups},
 * {@code iss}, {@code aud}, {@code jti}.
 */
public final class TestTokens {

    public static final String ISSUER = "commerce-mesh";
    public static final String AUDIENCE = "commerce-mesh";

    private TestTokens() {
    }

    public static String customer(UUID userId) {
        return sign(claims(userId, "customer"), TestJwtKeys.mesh());
    }

    public static String admin(UUID userId) {
        return sign(claims(userId, "admin"), TestJwtKeys.mesh());
    }

    /** What user-svc issues one of the mesh's services through the client-credentials exchange. */
    public static String service(String clientId) {
        return sign(claims(clientId, "service"), TestJwtKeys.mesh());
    }

    /** What user-svc issues a partner's API client with these scopes. */
    public static String partner(String clientId, String... scopes) {
        return sign(claims(clientId, "partner").claim("scope", String.join(" ", scopes)), TestJwtKeys.mesh());
    }

    public static String expired(UUID userId) {
        Instant issued = Instant.now().minus(Duration.ofHours(1));
        return sign(claims(userId, "customer").issuedAt(issued).expiresAt(issued.plus(Duration.ofMinutes(15))),
                TestJwtKeys.mesh());
    }

    public static String wrongIssuer(UUID userId) {
        return sign(claims(userId, "customer").issuer("someone-else"), TestJwtKeys.mesh());
    }

    public static String wrongAudience(UUID userId) {
        return sign(claims(userId, "customer").audience("another-app"), TestJwtKeys.mesh());
    }

    public static String signedWithWrongKey(UUID userId) {
        return sign(claims(userId, "admin"), TestJwtKeys.forger());
    }

    /** An unsigned token ({@code alg: none}) claiming to be an admin. */
    public static String unsigned(UUID userId) {
        String header = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64("{\"sub\":\"" + userId + "\",\"groups\":[\"admin\"],\"iss\":\"" + ISSUER
                + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":" + Instant.now().plusSeconds(600).getEpochSecond()
                + ",\"iat\":" + Instant.now().getEpochSecond() + ",\"jti\":\"" + UUID.randomUUID() + "\"}");
        return header + "." + payload + ".";
    }

    /** A genuine customer token whose payload was edited to claim the admin role. */
    public static String tamperedToAdmin(UUID userId) {
        String[] parts = customer(userId).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    /** The client with {@code authorization: Bearer <token>} on every call. */
    public static <T> T withToken(T client, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return GrpcClientUtils.attachHeaders(client, headers);
    }

    private static JwtClaimsBuilder claims(UUID userId, String role) {
        return claims(userId.toString(), role);
    }

    private static JwtClaimsBuilder claims(String subject, String role) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.of(role))
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(15)));
    }

    private static String sign(JwtClaimsBuilder claims, TestJwtKeys keys) {
        return claims.jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign(keys.pair().getPrivate());
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
