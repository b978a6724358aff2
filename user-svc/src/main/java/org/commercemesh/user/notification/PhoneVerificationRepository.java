package org.commercemesh.user.notification;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PhoneVerificationRepository implements PanacheRepositoryBase<PhoneVerification, UUID> {

    /** The account's pending verification locked for update, or null. */
    public Uni<PhoneVerification> lock(UUID userId) {
        return findById(userId, LockModeType.PESSIMISTIC_WRITE);
    }
}
