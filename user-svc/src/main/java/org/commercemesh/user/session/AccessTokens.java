package org.commercemesh.user.session;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.user.account.UserAccount;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;

/**
 * Issues RS256 access tokens signed with {@code smallrye.jwt.sign.key.location}: {@code sub} =
 * user id, {@code groups} = role, {@code iss}/{@code aud} as every service verifies them,
 * {@code jti}, and {@code sid} = the refresh-token family, so a session can be told apart from
 * the account's others.
 */
@ApplicationScoped
public class AccessTokens {

    /** Claim naming the session (refresh-token family) a token belongs to. */
    public static final String SESSION_CLAIM = "sid";

    private final String issuer;
    private final String audience;
    private final Duration ttl;

    public AccessTokens(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
            @ConfigProperty(name = "mp.jwt.verify.audiences") String audience,
            @ConfigProperty(name = "commerce.auth.access-token-ttl") Duration ttl) {
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(UserAccount account, UUID sessionId, Instant now) {
        Instant expiresAt = now.plus(ttl);
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(account.id.toString())
                .groups(Set.of(account.role.group()))
                .claim("jti", UUID.randomUUID().toString())
                .claim(SESSION_CLAIM, sessionId.toString())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return new Issued(token, expiresAt);
    }

    /**
     * A token for an API client (OAuth 2.0 client credentials): {@code sub} = client id,
     * {@code groups} = its kind ({@code service} or {@code partner}), {@code scope} = its scopes.
     */
    public Issued issueForClient(String clientId, String role, String scopes, Instant now) {
        Instant expiresAt = now.plus(ttl);
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(clientId)
                .groups(Set.of(role))
                .claim("jti", UUID.randomUUID().toString())
                .claim("scope", scopes)
                .issuedAt(now)
                .expiresAt(expiresAt)
                .sign();
        return new Issued(token, expiresAt);
    }
}
