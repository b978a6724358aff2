package org.commercemesh.user.address;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.user.account.UserRepository;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.UpdateAddressRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * A user's address book. Every change locks the owner's account row first, so concurrent changes
 * of one user's addresses run one after another and "exactly one default" always holds.
 */
@ApplicationScoped
public class AddressService {

    private final AddressRepository addresses;
    private final UserRepository users;
    private final int maxPerUser;

    public AddressService(AddressRepository addresses, UserRepository users,
            @ConfigProperty(name = "commerce.address.max-per-user") int maxPerUser) {
        this.addresses = addresses;
        this.users = users;
        this.maxPerUser = maxPerUser;
    }

    @WithTransaction
    public Uni<UserAddress> create(UUID userId, Address address) {
        UpdateMask everything = new UpdateMask(AddressRules.UPDATABLE);
        Violations violations = new Violations();
        AddressRules.validate(address, everything, violations);
        violations.throwIfAny();
        return users.lockLive(userId)
                .chain(owner -> addresses.countLive(userId))
                .chain(count -> {
                    if (count >= maxPerUser) {
                        throw new FailedPreconditionException("ADDRESS_LIMIT_REACHED",
                                "a user may keep at most " + maxPerUser + " addresses");
                    }
                    Instant now = Instant.now();
                    UserAddress entity = new UserAddress();
                    entity.id = Ids.newId();
                    entity.userId = userId;
                    AddressRules.apply(address, everything, entity);
                    entity.isDefault = count == 0;
                    entity.createdAt = now;
                    entity.updatedAt = now;
                    return addresses.persist(entity);
                });
    }

    @WithSession
    public Uni<UserAddress> get(UUID userId, UUID addressId) {
        return users.getLive(userId).chain(owner -> addresses.getOwned(userId, addressId));
    }

    /** Fetches {@code limit} addresses from {@code offset}; a user has at most 20, so offsets stay cheap. */
    @WithSession
    public Uni<List<UserAddress>> list(UUID userId, int offset, int limit) {
        return users.getLive(userId).chain(owner -> addresses.listLive(userId, offset, limit));
    }

    /** Live geolocated addresses near a point, nearest first. */
    @WithSession
    public Uni<List<AddressRepository.Nearby>> near(double latitude, double longitude, int radiusMeters, UUID userId,
            int limit) {
        return addresses.near(latitude, longitude, radiusMeters, userId, limit);
    }

    @WithTransaction
    public Uni<UserAddress> update(UUID userId, UpdateAddressRequest request) {
        Violations violations = new Violations();
        violations.requireUuid("address.id", request.getAddress().getId());
        UpdateMask mask = UpdateMask.of(request.hasUpdateMask(), request.getUpdateMask(), AddressRules.UPDATABLE,
                violations);
        AddressRules.validate(request.getAddress(), mask, violations);
        violations.throwIfAny();
        UUID addressId = UUID.fromString(request.getAddress().getId());
        return users.lockLive(userId)
                .chain(owner -> addresses.getOwned(userId, addressId))
                .invoke(entity -> {
                    AddressRules.apply(request.getAddress(), mask, entity);
                    entity.updatedAt = Instant.now();
                });
    }

    /** Soft-deletes; when it was the default, the most recently updated remaining address becomes default. */
    @WithTransaction
    public Uni<Void> delete(UUID userId, UUID addressId) {
        return users.lockLive(userId)
                .chain(owner -> addresses.getOwned(userId, addressId))
                .chain(entity -> {
                    Instant now = Instant.now();
                    boolean wasDefault = entity.isDefault;
                    entity.deletedAt = now;
                    entity.isDefault = false;
                    entity.updatedAt = now;
                    return addresses.flush()
                            .chain(() -> wasDefault ? promoteSuccessor(userId) : Uni.createFrom().voidItem());
                });
    }

    @WithTransaction
    public Uni<UserAddress> setDefault(UUID userId, UUID addressId) {
        return users.lockLive(userId)
                .chain(owner -> addresses.getOwned(userId, addressId))
                .call(entity -> entity.isDefault
                        ? Uni.createFrom().voidItem()
                        : addresses.clearDefault(userId).replaceWithVoid())
                .invoke(entity -> {
                    if (!entity.isDefault) {
                        entity.isDefault = true;
                        entity.updatedAt = Instant.now();
                    }
                });
    }

    private Uni<Void> promoteSuccessor(UUID userId) {
        return addresses.mostRecentlyUpdated(userId).invoke(successor -> {
            if (successor != null) {
                successor.isDefault = true;
            }
        }).replaceWithVoid();
    }
}
