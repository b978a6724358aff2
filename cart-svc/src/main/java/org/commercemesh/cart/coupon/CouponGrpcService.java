package org.commercemesh.cart.coupon;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.cart.v1.CreateCouponRequest;
import org.commercemesh.cart.v1.CreateCouponResponse;
import org.commercemesh.cart.v1.GetCouponRequest;
import org.commercemesh.cart.v1.GetCouponResponse;
import org.commercemesh.cart.v1.ListCouponsRequest;
import org.commercemesh.cart.v1.ListCouponsResponse;
import org.commercemesh.cart.v1.UpdateCouponRequest;
import org.commercemesh.cart.v1.UpdateCouponResponse;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.paging.PageRequest;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.cart.v1.CouponService: admins manage the shop's coupons. */
@GrpcService
public class CouponGrpcService implements org.commercemesh.cart.v1.CouponService {

    private final CouponService coupons;

    public CouponGrpcService(CouponService coupons) {
        this.coupons = coupons;
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<CreateCouponResponse> createCoupon(CreateCouponRequest request) {
        return Uni.createFrom().deferred(() -> coupons.create(request.getCoupon())).map(held -> CreateCouponResponse
                .newBuilder().setCoupon(CouponMapper.toProto(held.coupon(), held.redemptions())).build());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<GetCouponResponse> getCoupon(GetCouponRequest request) {
        return Uni.createFrom().deferred(() -> {
            new Violations().requireText("code", request.getCode(), 1, 32).throwIfAny();
            return coupons.get(request.getCode());
        }).map(held -> GetCouponResponse.newBuilder()
                .setCoupon(CouponMapper.toProto(held.coupon(), held.redemptions())).build());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<ListCouponsResponse> listCoupons(ListCouponsRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations();
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 2, violations);
            violations.throwIfAny();
            return coupons.list(page).map(fetched -> toResponse(page, fetched));
        });
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<UpdateCouponResponse> updateCoupon(UpdateCouponRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations().requireText("coupon.code", request.getCoupon().getCode(), 1, 32);
            UpdateMask mask = UpdateMask.of(request.hasUpdateMask(), request.getUpdateMask(), CouponRules.UPDATABLE,
                    violations);
            violations.throwIfAny();
            return coupons.update(request.getCoupon(), mask);
        }).map(held -> UpdateCouponResponse.newBuilder()
                .setCoupon(CouponMapper.toProto(held.coupon(), held.redemptions())).build());
    }

    private static ListCouponsResponse toResponse(PageRequest page, List<CouponService.Held> fetched) {
        List<CouponService.Held> served = page.pageOf(fetched);
        ListCouponsResponse.Builder response = ListCouponsResponse.newBuilder();
        served.forEach(held -> response.addCoupons(CouponMapper.toProto(held.coupon(), held.redemptions())));
        if (page.hasMore(fetched)) {
            DiscountCoupon last = served.get(served.size() - 1).coupon();
            response.setNextPageToken(PageRequest.tokenAfter(last.createdAt.toString(), last.code));
        }
        return response.build();
    }
}
