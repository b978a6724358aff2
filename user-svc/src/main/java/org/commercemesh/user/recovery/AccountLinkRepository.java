package org.commercemesh.user.recovery;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** E-mailed links, found by the hash of the token in the link. */
@ApplicationScoped
public class AccountLinkRepository implements PanacheRepositoryBase<AccountLink, UUID> {

    /** The link of this purpose with this hash, locked for update, or null. */
    public Uni<AccountLink> lockByHash(LinkPurpose purpose, String tokenHash) {
        return find("tokenHash = ?1 and purpose = ?2", tokenHash, purpose)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Marks the user's unused links of a purpose used, so only the newest one works. */
    public Uni<Integer> voidOutstanding(UUID userId, LinkPurpose purpose, Instant now) {
        return update("usedAt = ?1 where userId = ?2 and purpose = ?3 and usedAt is null", now, userId, purpose);
    }
}
