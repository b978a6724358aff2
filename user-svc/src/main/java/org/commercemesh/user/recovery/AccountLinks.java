package org.commercemesh.user.recovery;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.credential.OpaqueSecrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

/**
 * Issues and redeems the tokens of e-mailed links. A token is 256 random bits, stored as its
 * hash like refresh tokens: unforgeable without a signing key to rotate, and its row makes it
 * single-use and revocable in the same check. Call inside a transaction.
 */
@ApplicationScoped
public class AccountLinks {

    static final String INVALID = "is invalid, expired or already used";

    private final AccountLinkRepository links;
    private final Duration verifyTtl;
    private final Duration resetTtl;

    public AccountLinks(AccountLinkRepository links,
            @ConfigProperty(name = "commerce.auth.verify-email-link-ttl") Duration verifyTtl,
            @ConfigProperty(name = "commerce.auth.password-reset-link-ttl") Duration resetTtl) {
        this.links = links;
        this.verifyTtl = verifyTtl;
        this.resetTtl = resetTtl;
    }

    /** A new link for the account's current address; earlier unused links of the purpose stop working. */
    public Uni<String> issue(UserAccount account, LinkPurpose purpose, Instant now) {
        String token = OpaqueSecrets.newSecret();
        AccountLink link = new AccountLink();
        link.id = Ids.newId();
        link.userId = account.id;
        link.purpose = purpose;
        link.tokenHash = OpaqueSecrets.hash(token);
        link.email = account.email;
        link.createdAt = now;
        link.expiresAt = now.plus(purpose == LinkPurpose.VERIFY_EMAIL ? verifyTtl : resetTtl);
        return links.voidOutstanding(account.id, purpose, now)
                .chain(() -> links.persist(link))
                .replaceWith(token);
    }

    /**
     * Uses the link up and returns it; fails with INVALID_ARGUMENT on {@code field} when the token
     * is unknown, expired or used. The caller checks it still matches the account.
     */
    public Uni<AccountLink> redeem(String field, String token, LinkPurpose purpose, Instant now) {
        if (token.isEmpty() || token.length() > 100) {
            return Uni.createFrom().failure(InvalidArgumentException.of(field, INVALID));
        }
        return links.lockByHash(purpose, OpaqueSecrets.hash(token)).map(link -> {
            if (link == null || link.usedAt != null || !link.expiresAt.isAfter(now)) {
                throw InvalidArgumentException.of(field, INVALID);
            }
            link.usedAt = now;
            return link;
        });
    }
}
