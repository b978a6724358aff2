package org.commercemesh.cart.coupon;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.commercemesh.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CouponRepository implements PanacheRepositoryBase<DiscountCoupon, String> {

    /** The coupon locked for update: redemptions of one coupon queue here, so limits hold. */
    public Uni<DiscountCoupon> lock(String code) {
        return findById(code, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Newest first, keyset on (createdAt, code). */
    public Uni<List<DiscountCoupon>> page(PageRequest page) {
        return page.isFirstPage()
                ? find("order by createdAt desc, code desc").range(0, page.size()).list()
                : find("createdAt < :at or (createdAt = :at and code < :code) order by createdAt desc, code desc",
                        Parameters.with("at", page.instantAt(0)).and("code", page.cursor().get(1)))
                        .range(0, page.size()).list();
    }
}
