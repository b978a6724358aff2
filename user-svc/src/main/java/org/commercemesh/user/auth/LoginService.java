package org.commercemesh.user.auth;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.UnauthenticatedException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.account.UserRepository;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.Session;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Login: throttle check, then a bcrypt comparison whether or not the account exists (a decoy
 * hash for unknown e-mails), so "no such account" and "wrong password" give the same answer in
 * comparable time.
 */
@ApplicationScoped
public class LoginService {

    static final String REFUSED = "invalid e-mail or password";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final SessionService sessions;

    public LoginService(UserRepository users, PasswordHasher hasher, LoginThrottle throttle, SessionService sessions) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    public Uni<Session> login(LoginRequest request) {
        new Violations()
                .check(!request.getEmail().isBlank(), "email", "is required")
                .check(!request.getPassword().isEmpty(), "password", "is required")
                .throwIfAny();
        String accountKey = request.getEmail().strip().toLowerCase(java.util.Locale.ROOT);
        Instant now = Instant.now();
        return throttle.check(accountKey, now)
                .chain(() -> Panache.withSession(() -> users.findLiveByEmail(accountKey)))
                .chain(account -> verify(account, request.getPassword()))
                .chain(account -> account == null
                        ? throttle.recordFailure(accountKey, now)
                                .chain(() -> Uni.createFrom().<Session>failure(new UnauthenticatedException(REFUSED)))
                        : throttle.reset(accountKey)
                                .chain(() -> Panache.withTransaction(() -> sessions.open(account, now))));
    }

    /** The account when the password matches it, else null. */
    private Uni<UserAccount> verify(UserAccount account, String password) {
        Uni<Boolean> matches = account == null
                ? hasher.matchesNothing(password)
                : hasher.matches(password, account.passwordHash);
        return matches.map(ok -> ok ? account : null);
    }
}
