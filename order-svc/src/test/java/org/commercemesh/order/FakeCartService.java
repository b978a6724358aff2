package org.commercemesh.order;

import java.math.BigDecimal;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.cart.v1.GetCartRequest;
import org.commercemesh.cart.v1.GetCartResponse;
import org.commercemesh.cart.v1.MutinyCartServiceGrpc;
import org.commercemesh.cart.v1.RedeemCouponRequest;
import org.commercemesh.cart.v1.RedeemCouponResponse;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.money.Amount;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** Stands in for cart-svc's CartService on the generated contract; every coupon is 10% off unless refused. */
@GrpcService
public class FakeCartService extends MutinyCartServiceGrpc.CartServiceImplBase {

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<GetCartResponse> getCart(GetCartRequest request) {
        return Uni.createFrom().item(GetCartResponse.newBuilder().setCart(FakeMesh.cart).build());
    }

    @Override
    @RolesAllowed(Roles.SERVICE)
    public Uni<RedeemCouponResponse> redeemCoupon(RedeemCouponRequest request) {
        FakeMesh.REDEMPTIONS.add(request);
        if (FakeMesh.couponRefusal != null) {
            return Uni.createFrom().failure(Status.FAILED_PRECONDITION.withDescription(FakeMesh.couponRefusal)
                    .asRuntimeException());
        }
        Amount subtotal = request.getLinesList().stream().map(line -> Amount.fromProto(line.getLineTotal()))
                .reduce(Amount::plus).orElseThrow();
        return Uni.createFrom().item(RedeemCouponResponse.newBuilder()
                .setDiscount(subtotal.times(new BigDecimal("0.10")).toProto()).build());
    }
}
