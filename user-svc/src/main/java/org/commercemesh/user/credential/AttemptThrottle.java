package org.commercemesh.user.credential;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.ThrottledException;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sliding-window limits on authentication attempts, counted in PostgreSQL (table auth_attempt)
 * so every replica sees one count. An attempt is recorded <em>before</em> the work it guards
 * (a bcrypt comparison, a registration), under a transaction-scoped advisory lock per
 * subject: parallel attempts queue on the lock and see each other's rows, so no more than the
 * limit ever get through, however many arrive at once. A refused attempt records nothing, so
 * waiting always helps; a login that turns out right is forgiven afterwards.
 */
@ApplicationScoped
public class AttemptThrottle {

    /** At most {@code max} attempts per subject within {@code window}; {@code refusal} tells the caller why not. */
    public record Limit(String scope, int max, Duration window, String refusal) {
    }

    /** One attempt to take: a limit and the subject it counts against. */
    public record Charge(Limit limit, String subject) {
    }

    private final AuthAttemptRepository attempts;
    private final SignInMetrics metrics;

    public AttemptThrottle(AuthAttemptRepository attempts, SignInMetrics metrics) {
        this.attempts = attempts;
        this.metrics = metrics;
    }

    /**
     * Takes one attempt under every charge, all or nothing: fails with ThrottledException (with
     * the wait until one frees up) when any limit is spent. Returns the recorded attempts.
     */
    @WithTransaction
    public Uni<List<AuthAttempt>> take(Instant now, List<Charge> charges) {
        // One lock order for every caller, so two attempts never wait on each other in a circle.
        List<Charge> ordered = charges.stream()
                .sorted(Comparator.comparing((Charge charge) -> charge.limit().scope()).thenComparing(Charge::subject))
                .toList();
        return Multi.createFrom().iterable(ordered)
                .onItem().transformToUniAndConcatenate(charge -> lockAndCheck(charge, now).replaceWith(charge))
                .collect().asList()
                .chain(checked -> {
                    List<AuthAttempt> taken = new ArrayList<>();
                    for (Charge charge : checked) {
                        AuthAttempt attempt = new AuthAttempt();
                        attempt.scope = charge.limit().scope();
                        attempt.subject = charge.subject();
                        attempt.attemptedAt = now;
                        taken.add(attempt);
                    }
                    return attempts.persist(taken).replaceWith(taken);
                });
    }

    /**
     * A login that turned out right: the attempts it took are taken back, and the count of
     * {@code reset} (the account's failures) starts afresh — one statement, one transaction.
     */
    @WithTransaction
    public Uni<Void> succeeded(List<AuthAttempt> taken, Charge reset) {
        List<Long> ids = taken.stream().map(attempt -> attempt.id).toList();
        return attempts.forgive(ids, reset.limit().scope(), reset.subject()).replaceWithVoid();
    }

    /** Whether the subject has used up the limit, so that its next attempt will be refused. */
    @WithSession
    public Uni<Boolean> spent(Limit limit, String subject, Instant now) {
        return attempts.recent(limit.scope(), subject, now.minus(limit.window()), limit.max())
                .map(recent -> recent.size() >= limit.max());
    }

    /** Starts the count of one subject afresh: its owner proved who they are another way. */
    public Uni<Void> forgive(Limit limit, String subject) {
        return attempts.forget(limit.scope(), subject).replaceWithVoid();
    }

    @Scheduled(every = "10m", delayed = "1m")
    @WithTransaction
    Uni<Void> purgeOld() {
        // No limit looks back further than a day.
        return attempts.deleteBefore(Instant.now().minus(Duration.ofDays(1))).replaceWithVoid();
    }

    private Uni<Void> lockAndCheck(Charge charge, Instant now) {
        Limit limit = charge.limit();
        return attempts.lock(limit.scope() + ":" + charge.subject())
                .chain(() -> attempts.recent(limit.scope(), charge.subject(), now.minus(limit.window()), limit.max()))
                .invoke(recent -> {
                    if (recent.size() >= limit.max()) {
                        metrics.throttled(limit.scope());
                        Instant freesAt = recent.get(limit.max() - 1).attemptedAt.plus(limit.window());
                        throw new ThrottledException(limit.refusal(), Duration.between(now, freesAt));
                    }
                })
                .replaceWithVoid();
    }
}
