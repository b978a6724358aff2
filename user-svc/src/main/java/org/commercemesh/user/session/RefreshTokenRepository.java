package org.commercemesh.user.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Refresh tokens, found by the hash of the token the client holds. */
@ApplicationScoped
public class RefreshTokenRepository implements PanacheRepositoryBase<RefreshToken, UUID> {

    /** The token with this hash, locked for update, or null. */
    public Uni<RefreshToken> lockByHash(String tokenHash) {
        return find("tokenHash", tokenHash).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return update("revokedAt = ?1 where familyId = ?2 and revokedAt is null", now, familyId);
    }

    /** Revokes the user's live tokens except those of {@code keepFamily} (null keeps none). */
    public Uni<Integer> revokeAllOf(UUID userId, UUID keepFamily, Instant now) {
        return keepFamily == null
                ? update("revokedAt = ?1 where userId = ?2 and revokedAt is null", now, userId)
                : update("revokedAt = ?1 where userId = ?2 and revokedAt is null and familyId <> ?3", now, userId,
                        keepFamily);
    }
}
