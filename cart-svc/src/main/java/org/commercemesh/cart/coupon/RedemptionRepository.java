package org.commercemesh.cart.coupon;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RedemptionRepository implements PanacheRepositoryBase<CouponRedemption, UUID> {

    public Uni<Long> held(String code) {
        return count("code = ?1 and status <> ?2", code, RedemptionState.RELEASED);
    }

    public Uni<Long> heldBy(String code, UUID userId) {
        return count("code = ?1 and userId = ?2 and status <> ?3", code, userId, RedemptionState.RELEASED);
    }

    /** RESERVED redemptions older than {@code before}: their checkout never ended in a paid or cancelled order. */
    public Uni<List<CouponRedemption>> reservedBefore(Instant before) {
        return list("status = ?1 and createdAt < ?2", RedemptionState.RESERVED, before);
    }
}
