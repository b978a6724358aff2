package org.commercemesh.user.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.user.account.UserRepository;
import org.commercemesh.user.credential.PasswordHasher;
import org.commercemesh.user.credential.PasswordPolicy;
import org.commercemesh.user.v1.ChangePasswordRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Password changes: the current password proves the caller, every other session ends. */
@ApplicationScoped
public class CredentialService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionService sessions;

    public CredentialService(UserRepository users, PasswordHasher hasher, SessionService sessions) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
    }

    /** {@code currentSession} (the caller's token family) stays signed in; null ends all sessions. */
    public Uni<Void> changePassword(UUID userId, UUID currentSession, ChangePasswordRequest request) {
        new Violations()
                .check(!request.getCurrentPassword().isEmpty(), "current_password", "is required")
                .check(!request.getNewPassword().isEmpty(), "new_password", "is required")
                .throwIfAny();
        return Panache.withSession(() -> users.getLive(userId))
                .call(account -> hasher.matches(request.getCurrentPassword(), account.passwordHash).invoke(ok -> {
                    Violations violations = new Violations().check(ok, "current_password", "is incorrect");
                    PasswordPolicy.check(violations, "new_password", request.getNewPassword(), account.email);
                    violations.check(!request.getNewPassword().equals(request.getCurrentPassword()), "new_password",
                            "must differ from the current password");
                    if (!violations.isEmpty()) {
                        throw new InvalidArgumentException(violations.list());
                    }
                }))
                .chain(checked -> hasher.hash(request.getNewPassword()))
                .chain(hash -> Panache.withTransaction(() -> users.lockLive(userId).chain(account -> {
                    Instant now = Instant.now();
                    account.passwordHash = hash;
                    account.updatedAt = now;
                    return sessions.revokeAll(userId, currentSession, now);
                })))
                .replaceWithVoid();
    }
}
