package org.commercemesh.platform.auth;

import jakarta.inject.Singleton;

import io.grpc.Metadata;
import io.quarkus.arc.Unremovable;
import io.quarkus.grpc.auth.GrpcSecurityMechanism;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;

/**
 * Reads {@code authorization: Bearer <jwt>} from a gRPC call and hands the token to SmallRye
 * JWT, which verifies signature (RS256 with the user-svc public key), expiry, issuer and
 * audience. A call without a bearer token stays anonymous; security annotations on the
 * endpoint then decide (UNAUTHENTICATED for a protected RPC).
 */
// Looked up only through Instance<GrpcSecurityMechanism>, which ArC's unused-bean removal does not see.
@Unremovable
@Singleton
public class BearerTokenMechanism implements GrpcSecurityMechanism {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final String BEARER = "bearer ";

    @Override
    public boolean handles(Metadata metadata) {
        String value = metadata.get(AUTHORIZATION);
        return value != null && value.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    public AuthenticationRequest createAuthenticationRequest(Metadata metadata) {
        String token = metadata.get(AUTHORIZATION).substring(BEARER.length()).strip();
        // SmallRye JWT's identity provider only accepts its own credential type.
        return new TokenAuthenticationRequest(new JsonWebTokenCredential(token));
    }
}
