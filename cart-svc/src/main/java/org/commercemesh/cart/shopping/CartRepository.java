package org.commercemesh.cart.shopping;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.commercemesh.platform.id.Ids;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Carts. */
@ApplicationScoped
public class CartRepository implements PanacheRepositoryBase<ShoppingCart, UUID> {

    /** The user's ACTIVE cart, locked; an expired one is abandoned on the spot (the job may not have run yet). */
    public Uni<ShoppingCart> lockActive(UUID userId, Duration ttl) {
        Instant now = Instant.now();
        return update("status = ?3, updatedAt = ?1 where userId = ?2 and status = ?4 and expiresAt < ?1",
                now, userId, CartState.ABANDONED, CartState.ACTIVE)
                // Insert-or-lock in one statement: a separate "insert, then select" could find no
                // ACTIVE cart when a concurrent transaction converted it in between. The conflict
                // target repeats the one-active-cart index's predicate (V1), as PostgreSQL requires.
                .chain(() -> Panache.getSession()).chain(session -> session.createNativeQuery("""
                        insert into cart (id, user_id, status, expires_at, created_at, updated_at)
                        values (:id, :user, :status, :expires, :now, :now)
                        on conflict (user_id) where status = 'ACTIVE' do update set updated_at = cart.updated_at
                        returning cast(id as text)""", String.class)
                        .setParameter("id", Ids.newId()).setParameter("user", userId)
                        .setParameter("status", CartState.ACTIVE.name())
                        .setParameter("expires", now.plus(ttl)).setParameter("now", now).getSingleResult())
                .chain(id -> lock(UUID.fromString(id)));
    }

    /** The cart, locked, or null. */
    public Uni<ShoppingCart> lock(UUID cartId) {
        return find("id", cartId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    public Uni<Integer> abandonExpired(Instant now) {
        return update("status = ?2, updatedAt = ?1 where status = ?3 and expiresAt < ?1", now,
                CartState.ABANDONED, CartState.ACTIVE);
    }
}
