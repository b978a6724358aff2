package org.commercemesh.user.address;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.commercemesh.platform.error.NotFoundException;

import io.quarkus.hibernate.reactive.panache.Panache;
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

    /**
     * Up to {@code limit} addresses due for geocoding, locked; rows another replica holds are
     * skipped rather than waited for.
     */
    public Uni<List<UserAddress>> lockDueForGeocoding(Instant now, int limit) {
        // Hibernate Reactive takes no lock hints, so SKIP LOCKED is written out.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select * from user_address
                where geocode_status = 'PENDING' and deleted_at is null and geocode_after <= :now
                order by geocode_after limit :limit
                for update skip locked""", UserAddress.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList());
    }

    public Uni<UserAddress> lock(UUID addressId) {
        return findById(addressId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A live address with coordinates and its distance from a point. */
    public record Nearby(UserAddress address, double distanceMeters) {
    }

    /**
     * Live addresses with coordinates within {@code radiusMeters} of the point, nearest first.
     * The earth_box test is what the GiST index on ll_to_earth answers; the distance test then
     * trims the box's corners.
     */
    public Uni<List<Nearby>> near(double latitude, double longitude, int radiusMeters, UUID userId, int limit) {
        String sql = """
                select a.id, earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(a.latitude, a.longitude)) as meters
                from user_address a
                where a.latitude is not null and a.deleted_at is null
                  and earth_box(ll_to_earth(:lat, :lon), :radius) @> ll_to_earth(a.latitude, a.longitude)
                  and earth_distance(ll_to_earth(:lat, :lon), ll_to_earth(a.latitude, a.longitude)) <= :radius
                """ + (userId == null ? "" : "  and a.user_id = :user\n") + """
                order by meters, a.id
                limit :limit""";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class)
                    .setParameter("lat", latitude).setParameter("lon", longitude)
                    .setParameter("radius", (double) radiusMeters).setParameter("limit", limit);
            if (userId != null) {
                query.setParameter("user", userId);
            }
            return query.getResultList();
        }).chain(rows -> {
            Map<UUID, Double> meters = new LinkedHashMap<>();
            rows.forEach(row -> meters.put((UUID) row[0], ((Number) row[1]).doubleValue()));
            return meters.isEmpty()
                    ? Uni.createFrom().item(List.<Nearby>of())
                    : list("id in ?1", List.copyOf(meters.keySet())).map(found -> {
                        Map<UUID, UserAddress> byId = new HashMap<>();
                        found.forEach(address -> byId.put(address.id, address));
                        return meters.entrySet().stream()
                                .map(entry -> new Nearby(byId.get(entry.getKey()), entry.getValue())).toList();
                    });
        });
    }
}
