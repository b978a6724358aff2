package org.commercemesh.user.profile;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.user.account.AccountRole;
import org.commercemesh.user.account.ProfileRules;
import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.account.UserMapper;
import org.commercemesh.user.account.UserRepository;
import org.commercemesh.user.session.SessionService;
import org.commercemesh.user.v1.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Who is an admin. Role changes are audited and end the account's sessions, so its next
 * sign-in carries the new role. The first admin comes from the bootstrap: the account with the
 * configured e-mail, once that address is verified, while the shop has no admin at all —
 * afterwards the setting does nothing, and admins make admins.
 */
@ApplicationScoped
public class RoleService {

    private static final Logger LOG = Logger.getLogger(RoleService.class);

    private final UserRepository users;
    private final SessionService sessions;
    private final AuditLog audit;
    private final Optional<String> bootstrapEmail;

    public RoleService(UserRepository users, SessionService sessions, AuditLog audit,
            @ConfigProperty(name = "commerce.auth.bootstrap-admin-email") Optional<String> bootstrapEmail) {
        this.users = users;
        this.sessions = sessions;
        this.audit = audit;
        this.bootstrapEmail = bootstrapEmail.map(ProfileRules::normaliseEmail).filter(email -> !email.isEmpty());
    }

    /**
     * SetUserRole. Role changes (and the bootstrap) queue on one lock, so two demotions cannot
     * each leave the other as the last admin, nor two replicas bootstrap twice.
     */
    public Uni<UserAccount> setRole(UUID userId, AccountRole role) {
        return Panache.withTransaction(() -> users.lockRoles().chain(users::countAdmins).chain(admins -> users
                .lockLive(userId).chain(account -> {
                    if (account.role == role) {
                        return Uni.createFrom().item(account);
                    }
                    if (account.role == AccountRole.ADMIN && admins == 1) {
                        throw new FailedPreconditionException("LAST_ADMIN",
                                "the shop's last admin cannot stop being one; make another admin first");
                    }
                    return change(account, role, "user.role_change", false);
                })));
    }

    @Scheduled(every = "${commerce.auth.bootstrap-check-every}", delayed = "5s")
    Uni<Void> bootstrap() {
        if (bootstrapEmail.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> users.lockRoles().chain(users::countAdmins).chain(admins -> admins > 0
                ? Uni.createFrom().voidItem()
                : users.findLiveByEmail(bootstrapEmail.get()).chain(account -> {
                    if (account == null || !account.emailVerified) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.infof("Bootstrap: %s is the shop's first admin", account.id);
                    return change(account, AccountRole.ADMIN, "user.role_bootstrap", true).replaceWithVoid();
                })));
    }

    private Uni<UserAccount> change(UserAccount account, AccountRole role, String action, boolean bySystem) {
        User before = UserMapper.toProto(account);
        Instant now = Instant.now();
        account.role = role;
        account.updatedAt = now;
        Change change = new Change(action, "user", account.id.toString(), before, UserMapper.toProto(account));
        return sessions.revokeAll(account.id, null, now)
                .chain(() -> bySystem ? audit.recordSystem(change) : audit.record(change))
                .replaceWith(account);
    }
}
