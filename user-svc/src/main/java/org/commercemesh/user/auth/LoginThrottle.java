package org.commercemesh.user.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.ThrottledException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * After {@code max-failures} failed logins of one account within {@code window}, every attempt
 * (a correct password too) is refused with RESOURCE_EXHAUSTED until the oldest of those
 * failures leaves the window. Counters live in PostgreSQL (table login_failure), so every
 * replica sees the same count; refused attempts are not counted, so waiting always helps.
 */
@ApplicationScoped
public class LoginThrottle {

    private final int maxFailures;
    private final Duration window;

    public LoginThrottle(@ConfigProperty(name = "commerce.auth.login.max-failures") int maxFailures,
            @ConfigProperty(name = "commerce.auth.login.window") Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Fails with ThrottledException (carrying the wait) when the account is locked out. */
    public Uni<Void> check(String accountKey, Instant now) {
        return Panache.withSession(() -> LoginFailure.<LoginFailure>find(
                        "accountKey = ?1 and failedAt > ?2 order by failedAt desc", accountKey, now.minus(window))
                .range(0, maxFailures - 1)
                .list())
                .invoke(recent -> refuseWhenLocked(recent, now))
                .replaceWithVoid();
    }

    public Uni<Void> recordFailure(String accountKey, Instant now) {
        LoginFailure failure = new LoginFailure();
        failure.accountKey = accountKey;
        failure.failedAt = now;
        return Panache.withTransaction(failure::persist).replaceWithVoid();
    }

    /** A successful login starts the count afresh. */
    public Uni<Void> reset(String accountKey) {
        return Panache.withTransaction(() -> LoginFailure.delete("accountKey", accountKey)).replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m")
    Uni<Void> purgeExpired() {
        return Panache.withTransaction(() -> LoginFailure.delete("failedAt < ?1", Instant.now().minus(window)))
                .replaceWithVoid();
    }

    private void refuseWhenLocked(List<LoginFailure> recent, Instant now) {
        if (recent.size() >= maxFailures) {
            Instant unlocksAt = recent.get(maxFailures - 1).failedAt.plus(window);
            throw new ThrottledException("too many failed logins for this account; try again later",
                    Duration.between(now, unlocksAt));
        }
    }
}
