package org.commercemesh.user.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.error.UnauthenticatedException;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.account.UserMapper;
import org.commercemesh.user.account.UserRepository;
import org.commercemesh.user.credential.OpaqueSecrets;
import org.commercemesh.user.v1.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Sessions: an access token plus an opaque, single-use refresh token. Each login starts a token
 * family; RefreshToken rotates within it. A rotated token presented again means it leaked, so
 * the whole family is revoked (and stays revoked: that outcome is committed before the caller
 * is refused).
 */
@ApplicationScoped
public class SessionService {

    private static final String INVALID = "refresh token is invalid, expired or revoked";

    private final RefreshTokenRepository tokens;
    private final AccessTokens accessTokens;
    private final UserRepository users;
    private final Duration refreshTtl;
    private final AuditLog audit;

    public SessionService(RefreshTokenRepository tokens, AccessTokens accessTokens, UserRepository users,
            @ConfigProperty(name = "commerce.auth.refresh-token-ttl") Duration refreshTtl, AuditLog audit) {
        this.audit = audit;
        this.tokens = tokens;
        this.accessTokens = accessTokens;
        this.users = users;
        this.refreshTtl = refreshTtl;
    }

    /** Starts a new session (token family) for the account; call inside a transaction. */
    public Uni<Session> open(UserAccount account, Instant now) {
        return issue(account, Ids.newId(), now);
    }

    /**
     * The refusal of a reused token comes after its transaction commits: the family it revoked
     * must stay revoked, so this one opens its transaction itself.
     */
    public Uni<Session> rotate(String presentedToken) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> findForUpdate(presentedToken)
                .chain(token -> rotateOrRevoke(token, now)))
                .onItem().ifNull().failWith(() -> new UnauthenticatedException(INVALID));
    }

    /** Ends the session the refresh token belongs to: its whole family is revoked. */
    @WithTransaction
    public Uni<Void> logout(String presentedToken) {
        Instant now = Instant.now();
        return findForUpdate(presentedToken)
                .onItem().ifNull().failWith(() -> new UnauthenticatedException(INVALID))
                .chain(token -> revokeFamily(token.familyId, now))
                .replaceWithVoid();
    }

    /** Revokes every live session of the user except {@code keepFamily} (null keeps none); call inside a transaction. */
    public Uni<Integer> revokeAll(UUID userId, UUID keepFamily, Instant now) {
        return tokens.revokeAllOf(userId, keepFamily, now);
    }

    /** Null when the token must be refused; the family revocation (on reuse) still commits. */
    private Uni<Session> rotateOrRevoke(RefreshToken token, Instant now) {
        if (token == null || token.revokedAt != null || !token.expiresAt.isAfter(now)) {
            return Uni.createFrom().nullItem();
        }
        if (token.rotatedAt != null) {
            return revokeFamily(token.familyId, now)
                    .chain(() -> audit.recordFor(token.userId.toString(), new Change("security.refresh_token_reuse",
                            "user", token.userId.toString(), null, null)))
                    .replaceWith((Session) null);
        }
        return users.findLive(token.userId).chain(account -> {
            if (account == null) {
                return revokeFamily(token.familyId, now).replaceWith((Session) null);
            }
            token.rotatedAt = now;
            return issue(account, token.familyId, now);
        });
    }

    private Uni<Session> issue(UserAccount account, UUID familyId, Instant now) {
        String opaque = OpaqueSecrets.newSecret();
        RefreshToken refresh = new RefreshToken();
        refresh.id = Ids.newId();
        refresh.userId = account.id;
        refresh.familyId = familyId;
        refresh.tokenHash = OpaqueSecrets.hash(opaque);
        refresh.issuedAt = now;
        refresh.expiresAt = now.plus(refreshTtl);
        AccessTokens.Issued access = accessTokens.issue(account, familyId, now);
        return tokens.persist(refresh).map(saved -> Session.newBuilder()
                .setAccessToken(access.token())
                .setAccessTokenExpireTime(ProtoTime.toProto(access.expiresAt()))
                .setRefreshToken(opaque)
                .setRefreshTokenExpireTime(ProtoTime.toProto(refresh.expiresAt))
                .setTokenType("Bearer")
                .setUser(UserMapper.toProto(account))
                .build());
    }

    private Uni<RefreshToken> findForUpdate(String presentedToken) {
        if (presentedToken == null || presentedToken.isBlank()) {
            return Uni.createFrom().failure(new UnauthenticatedException(INVALID));
        }
        return tokens.lockByHash(OpaqueSecrets.hash(presentedToken));
    }

    private Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return tokens.revokeFamily(familyId, now);
    }
}
