package org.commercemesh.user.recovery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.user.account.ProfileRules;
import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.account.UserRepository;
import org.commercemesh.user.credential.AttemptThrottle;
import org.commercemesh.user.credential.AttemptThrottle.Charge;
import org.commercemesh.user.credential.AuthLimits;
import org.commercemesh.user.credential.PasswordHasher;
import org.commercemesh.user.credential.PasswordPolicy;
import org.commercemesh.user.session.SessionService;
import org.commercemesh.user.v1.ResetPasswordRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * E-mail verification and password reset by e-mailed link. Neither tells a caller whether an
 * address has an account: a reset asked for an unknown address answers the same and counts
 * against the same limits.
 */
@ApplicationScoped
public class RecoveryService {

    /** A link issued in a transaction, mailed once it commits; no token when none was issued. */
    public record IssuedLink(UserAccount account, String token) {
        public static IssuedLink none(UserAccount account) {
            return new IssuedLink(account, null);
        }
    }

    private final UserRepository users;
    private final AccountLinks links;
    private final AccountMails mails;
    private final PasswordHasher hasher;
    private final SessionService sessions;
    private final AttemptThrottle throttle;
    private final AuthLimits limits;
    private final AuditLog audit;

    public RecoveryService(UserRepository users, AccountLinks links, AccountMails mails, PasswordHasher hasher,
            SessionService sessions, AttemptThrottle throttle, AuthLimits limits, AuditLog audit) {
        this.audit = audit;
        this.users = users;
        this.links = links;
        this.mails = mails;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.limits = limits;
    }

    /** A verification link for the account's current address; call inside a transaction, then {@link #mailVerification}. */
    public Uni<IssuedLink> issueVerification(UserAccount account, Instant now) {
        return links.issue(account, LinkPurpose.VERIFY_EMAIL, now).map(token -> new IssuedLink(account, token));
    }

    /** Sends the verification e-mail of a committed link, if one was issued. */
    public void mailVerification(IssuedLink issued) {
        if (issued.token() != null) {
            mails.sendVerification(issued.account(), issued.token());
        }
    }

    /** SendVerificationEmail: a new link to the caller's unverified address. */
    public Uni<Void> resendVerification(UUID userId, String clientAddress) {
        Instant now = Instant.now();
        return throttle.take(now, List.of(new Charge(limits.linksPerAccount(), "verify:" + userId),
                new Charge(limits.linksPerClient(), clientAddress)))
                .chain(() -> Panache.withTransaction(() -> users.lockLive(userId).chain(account -> {
                    if (account.emailVerified) {
                        throw new FailedPreconditionException("EMAIL_ALREADY_VERIFIED",
                                "the account's e-mail address is already verified");
                    }
                    return issueVerification(account, now);
                })))
                .invoke(this::mailVerification)
                .replaceWithVoid();
    }

    /** VerifyEmail: the link's address is the account's address, so it is verified. */
    public Uni<UserAccount> verifyEmail(String token) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> links.redeem("token", token, LinkPurpose.VERIFY_EMAIL, now)
                .chain(link -> users.findLive(link.userId).map(account -> {
                    if (account == null || !account.email.equals(link.email)) {
                        throw InvalidArgumentException.of("token", AccountLinks.INVALID);
                    }
                    account.emailVerified = true;
                    account.updatedAt = now;
                    return account;
                })));
    }

    /** RequestPasswordReset: a link to the address if an account uses it, the same answer if not. */
    public Uni<Void> requestPasswordReset(String email, String clientAddress) {
        String normalised = ProfileRules.normaliseEmail(email);
        Violations violations = new Violations();
        ProfileRules.email(violations, "email", normalised);
        violations.throwIfAny();
        Instant now = Instant.now();
        return throttle.take(now, List.of(new Charge(limits.linksPerAccount(), "reset:" + normalised),
                new Charge(limits.linksPerClient(), clientAddress)))
                .chain(() -> Panache.withTransaction(() -> users.findLiveByEmail(normalised)
                        .chain(account -> account == null
                                ? Uni.createFrom().<IssuedLink>nullItem()
                                : links.issue(account, LinkPurpose.RESET_PASSWORD, now)
                                        .map(token -> new IssuedLink(account, token)))))
                .invoke(issued -> {
                    if (issued != null) {
                        mails.sendPasswordReset(issued.account(), issued.token());
                    }
                })
                .replaceWithVoid();
    }

    /**
     * ResetPassword: a link that reached the account's mailbox sets its password, verifies its
     * address and ends every session. A refused new password leaves the link unused.
     */
    public Uni<Void> resetPassword(ResetPasswordRequest request) {
        new Violations()
                .check(!request.getToken().isEmpty(), "token", "is required")
                .check(!request.getNewPassword().isEmpty(), "new_password", "is required")
                .throwIfAny();
        Instant now = Instant.now();
        return hasher.hash(request.getNewPassword())
                .chain(hash -> Panache.withTransaction(() -> links
                        .redeem("token", request.getToken(), LinkPurpose.RESET_PASSWORD, now)
                        .chain(link -> users.findLive(link.userId).chain(account -> {
                            if (account == null || !account.email.equals(link.email)) {
                                throw InvalidArgumentException.of("token", AccountLinks.INVALID);
                            }
                            Violations violations = new Violations();
                            PasswordPolicy.check(violations, "new_password", request.getNewPassword(),
                                    account.email);
                            violations.throwIfAny();
                            account.passwordHash = hash;
                            account.emailVerified = true;
                            account.updatedAt = now;
                            return sessions.revokeAll(account.id, null, now)
                                    .chain(() -> throttle.forgive(limits.loginPerAccount(), account.email))
                                    .chain(() -> audit.recordFor(account.id.toString(), new Change(
                                            "security.password_reset", "user", account.id.toString(), null, null)));
                        }))))
                .replaceWithVoid();
    }
}
