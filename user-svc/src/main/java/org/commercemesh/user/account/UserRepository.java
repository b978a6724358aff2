package org.commercemesh.user.account;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.platform.persistence.LikePattern;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Live (non-deleted) accounts; deleted ones are invisible to every method here. */
@ApplicationScoped
public class UserRepository implements PanacheRepositoryBase<UserAccount, UUID> {

    public Uni<UserAccount> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResult();
    }

    /** The live account, or NOT_FOUND. */
    public Uni<UserAccount> getLive(UUID id) {
        return findLive(id).onItem().ifNull().failWith(() -> new NotFoundException("user", id));
    }

    /** The live account locked for update, serialising changes to it and to its addresses; or NOT_FOUND. */
    public Uni<UserAccount> lockLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("user", id));
    }

    /** Waits for, then holds until the transaction ends, the one lock every role change takes. */
    public Uni<Void> lockRoles() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select count(*) from pg_advisory_xact_lock(hashtextextended('app_user.role', 0))", Long.class)
                        .getSingleResult())
                .replaceWithVoid();
    }

    public Uni<Long> countAdmins() {
        return count("role = ?1 and deletedAt is null", AccountRole.ADMIN);
    }

    public Uni<UserAccount> findLiveByEmail(String normalisedEmail) {
        return find("lower(email) = ?1 and deletedAt is null", normalisedEmail).firstResult();
    }

    /** Whether a live account other than {@code except} uses the address. */
    public Uni<Boolean> emailTaken(String normalisedEmail, UUID except) {
        return count("lower(email) = ?1 and deletedAt is null and id <> ?2", normalisedEmail,
                except == null ? new UUID(0, 0) : except).map(n -> n > 0);
    }

    /** Newest first, keyset on (createdAt, id); fetches one extra row to tell whether more follow. */
    public Uni<List<UserAccount>> page(PageRequest page, String emailPrefix) {
        List<String> where = new ArrayList<>(List.of("deletedAt is null"));
        Parameters parameters = new Parameters();
        if (!emailPrefix.isEmpty()) {
            where.add("lower(email) like :prefix" + LikePattern.ESCAPE);
            parameters.and("prefix", LikePattern.startsWith(emailPrefix.strip().toLowerCase()));
        }
        if (!page.isFirstPage()) {
            where.add("(createdAt < :createdAt or (createdAt = :createdAt and id < :id))");
            parameters.and("createdAt", page.instantAt(0)).and("id", page.uuidAt(1));
        }
        return find(String.join(" and ", where) + " order by createdAt desc, id desc", parameters)
                .range(0, page.size())
                .list();
    }
}
