package org.commercemesh.user.session;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.error.UnauthenticatedException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.account.UserRepository;
import org.commercemesh.user.credential.AttemptThrottle;
import org.commercemesh.user.credential.AttemptThrottle.Charge;
import org.commercemesh.user.credential.AuthLimits;
import org.commercemesh.user.credential.PasswordHasher;
import org.commercemesh.user.credential.SignInMetrics;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.Session;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Login: an attempt is taken against the account's and the client address's limits first (a
 * throttled attempt costs no bcrypt), then a bcrypt comparison whether or not the account
 * exists (a decoy hash for unknown e-mails), so "no such account" and "wrong password" give the
 * same answer in comparable time. A successful login is forgiven and clears the account's count.
 */
@ApplicationScoped
public class LoginService {

    static final String REFUSED = "invalid e-mail or password";
    // No account can have a longer e-mail or password (registration enforces both), so longer
    // ones are refused before they cost a lookup or a bcrypt.
    private static final int MAX_EMAIL = 254;
    private static final int MAX_PASSWORD = 128;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AttemptThrottle throttle;
    private final AuthLimits limits;
    private final SessionService sessions;
    private final SignInMetrics metrics;
    private final AuditLog audit;

    public LoginService(UserRepository users, PasswordHasher hasher, AttemptThrottle throttle, AuthLimits limits,
            SessionService sessions, SignInMetrics metrics, AuditLog audit) {
        this.metrics = metrics;
        this.audit = audit;
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.limits = limits;
        this.sessions = sessions;
    }

    /** Signs in; {@code clientAddress} is where the attempt came from (platform ClientAddress). */
    public Uni<Session> login(LoginRequest request, String clientAddress) {
        new Violations()
                .requireText("email", request.getEmail(), 1, MAX_EMAIL)
                .check(!request.getPassword().isEmpty(), "password", "is required")
                .check(request.getPassword().length() <= MAX_PASSWORD, "password",
                        "must be at most " + MAX_PASSWORD + " characters")
                .throwIfAny();
        String accountKey = request.getEmail().strip().toLowerCase(java.util.Locale.ROOT);
        Instant now = Instant.now();
        Charge account = new Charge(limits.loginPerAccount(), accountKey);
        return throttle.take(now, List.of(account, new Charge(limits.loginPerClient(), clientAddress)))
                .chain(attempts -> Panache.withSession(() -> users.findLiveByEmail(accountKey))
                        .chain(found -> verify(found, request.getPassword()))
                        .chain(verified -> verified == null
                                ? refuse(accountKey, now)
                                : throttle.succeeded(attempts, account)
                                        .chain(() -> Panache.withTransaction(() -> sessions.open(verified, now)))))
                .onItemOrFailure().invoke((session, failure) -> metrics.login(failure));
    }

    /**
     * A wrong password. The failure that uses up the account's limit locks it for the window:
     * that one is audited (as {@code security.login_lockout}, about the e-mail tried).
     */
    private Uni<Session> refuse(String accountKey, Instant now) {
        return throttle.spent(limits.loginPerAccount(), accountKey, now)
                .chain(locked -> locked
                        ? Panache.withTransaction(() -> audit.recordSystem(new Change("security.login_lockout",
                                "account", accountKey, null, null)))
                        : Uni.createFrom().voidItem())
                .chain(() -> Uni.createFrom().failure(new UnauthenticatedException(REFUSED)));
    }

    /** The account when the password matches it, else null. */
    private Uni<UserAccount> verify(UserAccount account, String password) {
        Uni<Boolean> matches = account == null
                ? hasher.matchesNothing(password)
                : hasher.matches(password, account.passwordHash);
        return matches.map(ok -> ok ? account : null);
    }
}
