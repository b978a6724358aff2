package org.commercemesh.user.address;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.NotFoundException;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** A user's live addresses. Every lookup is by owner, so another user's address is simply not found. */
@ApplicationScoped
public class AddressRepository implements PanacheRepositoryBase<UserAddress, UUID> {

    /** The owner's live address, or NOT_FOUND (also when it belongs to someone else). */
    public Uni<UserAddress> getOwned(UUID userId, UUID addressId) {
        return find("id = ?1 and userId = ?2 and deletedAt is null", addressId, userId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("address", addressId));
    }

    public Uni<Long> countLive(UUID userId) {
        return count("userId = ?1 and deletedAt is null", userId);
    }

    /** The default first, then newest first. */
    public Uni<List<UserAddress>> listLive(UUID userId, int offset, int limit) {
        return find("userId = ?1 and deletedAt is null order by isDefault desc, createdAt desc, id desc", userId)
                .range(offset, offset + limit - 1)
                .list();
    }

    public Uni<Integer> clearDefault(UUID userId) {
        return update("isDefault = false where userId = ?1 and isDefault = true and deletedAt is null", userId);
    }

    /** The most recently updated live address, to promote when the default goes. */
    public Uni<UserAddress> mostRecentlyUpdated(UUID userId) {
        return find("userId = ?1 and deletedAt is null order by updatedAt desc, id desc", userId).firstResult();
    }

    public Uni<Integer> deleteAllOf(UUID userId, Instant now) {
        return update("deletedAt = ?1, isDefault = false where userId = ?2 and deletedAt is null", now, userId);
    }
}
