package org.commercemesh.user.credential;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Counted authentication attempts (table auth_attempt). */
@ApplicationScoped
public class AuthAttemptRepository implements PanacheRepositoryBase<AuthAttempt, Long> {

    private static final String LOCK = "select count(*) from pg_advisory_xact_lock(hashtextextended(:key, 0))";

    /** Waits for, then holds until the transaction ends, the advisory lock of {@code key}. */
    public Uni<Void> lock(String key) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK, Long.class).setParameter("key", key)
                        .getSingleResult())
                .replaceWithVoid();
    }

    /** Up to {@code max} attempts of the subject after {@code since}, newest first. */
    public Uni<List<AuthAttempt>> recent(String scope, String subject, Instant since, int max) {
        return find("scope = ?1 and subject = ?2 and attemptedAt > ?3 order by attemptedAt desc", scope, subject, since)
                .range(0, max - 1)
                .list();
    }

    /** Deletes the given attempts and every attempt of one subject, in one statement. */
    public Uni<Long> forgive(List<Long> ids, String scope, String subject) {
        return delete("id in ?1 or (scope = ?2 and subject = ?3)", ids, scope, subject);
    }

    public Uni<Long> forget(String scope, String subject) {
        return delete("scope = ?1 and subject = ?2", scope, subject);
    }

    public Uni<Long> deleteBefore(Instant before) {
        return delete("attemptedAt < ?1", before);
    }
}
