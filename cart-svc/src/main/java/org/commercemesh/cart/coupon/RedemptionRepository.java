package org.commercemesh.cart.coupon;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /** Redemptions held per coupon, for a page of them; a coupon without any is left out. */
    public Uni<Map<String, Long>> heldOf(List<String> codes) {
        return codes.isEmpty()
                ? Uni.createFrom().item(Map.of())
                : find("select code, count(*) from CouponRedemption where code in ?1 and status <> ?2 group by code",
                        codes, RedemptionState.RELEASED).project(Object[].class).list()
                        .map(rows -> rows.stream().collect(Collectors.toMap(row -> (String) row[0],
                                row -> ((Number) row[1]).longValue())));
    }

    /** RESERVED redemptions older than {@code before}: their checkout never ended in a paid or cancelled order. */
    public Uni<List<CouponRedemption>> reservedBefore(Instant before) {
        return list("status = ?1 and createdAt < ?2", RedemptionState.RESERVED, before);
    }
}
