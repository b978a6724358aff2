package org.commercemesh.cart.shopping;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.cart.coupon.CouponService;
import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.cart.v1.AddCartItemResponse;
import org.commercemesh.cart.v1.ApplyCouponRequest;
import org.commercemesh.cart.v1.ApplyCouponResponse;
import org.commercemesh.cart.v1.ClearCartRequest;
import org.commercemesh.cart.v1.ClearCartResponse;
import org.commercemesh.cart.v1.GetCartRequest;
import org.commercemesh.cart.v1.GetCartResponse;
import org.commercemesh.cart.v1.RedeemCouponRequest;
import org.commercemesh.cart.v1.RedeemCouponResponse;
import org.commercemesh.cart.v1.RemoveCartItemRequest;
import org.commercemesh.cart.v1.RemoveCartItemResponse;
import org.commercemesh.cart.v1.RemoveCouponRequest;
import org.commercemesh.cart.v1.RemoveCouponResponse;
import org.commercemesh.cart.v1.UpdateCartItemRequest;
import org.commercemesh.cart.v1.UpdateCartItemResponse;
import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.money.Amount;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.cart.v1.CartService: the caller's own active cart, and coupon redemption for order-svc. */
@GrpcService
public class CartGrpcService implements org.commercemesh.cart.v1.CartService {

    private final CartService carts;
    private final CouponService coupons;
    private final Caller caller;

    public CartGrpcService(CartService carts, CouponService coupons, Caller caller) {
        this.carts = carts;
        this.coupons = coupons;
        this.caller = caller;
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<GetCartResponse> getCart(GetCartRequest request) {
        return caller.current().chain(me -> carts.get(me.userId()))
                .map(cart -> GetCartResponse.newBuilder().setCart(CartMapper.toProto(cart)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<AddCartItemResponse> addCartItem(AddCartItemRequest request) {
        return caller.current().chain(me -> {
            Violations violations = new Violations().requireUuid("product_id", request.getProductId())
                    .range("quantity", request.getQuantity(), 1, CartService.MAX_QUANTITY)
                    .check(request.getOptionsCount() <= 10, "options", "must be at most 10");
            request.getOptionsMap().forEach((key, value) -> violations
                    .requireText("options[" + key + "]", key, 1, 50)
                    .requireText("options[" + key + "]", value, 1, 50));
            violations.throwIfAny();
            return carts.add(me.userId(), UUID.fromString(request.getProductId()),
                    request.getQuantity(), request.getOptionsMap());
        }).map(cart -> AddCartItemResponse.newBuilder().setCart(CartMapper.toProto(cart)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<UpdateCartItemResponse> updateCartItem(UpdateCartItemRequest request) {
        return caller.current().chain(me -> {
            new Violations().requireUuid("item_id", request.getItemId())
                    .range("quantity", request.getQuantity(), 0, CartService.MAX_QUANTITY).throwIfAny();
            return carts.update(me.userId(), UUID.fromString(request.getItemId()), request.getQuantity());
        }).map(cart -> UpdateCartItemResponse.newBuilder().setCart(CartMapper.toProto(cart)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<RemoveCartItemResponse> removeCartItem(RemoveCartItemRequest request) {
        return caller.current().chain(me -> {
            new Violations().requireUuid("item_id", request.getItemId()).throwIfAny();
            return carts.remove(me.userId(), UUID.fromString(request.getItemId()));
        }).map(cart -> RemoveCartItemResponse.newBuilder().setCart(CartMapper.toProto(cart)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<ClearCartResponse> clearCart(ClearCartRequest request) {
        return caller.current().chain(me -> carts.clear(me.userId()))
                .map(cart -> ClearCartResponse.newBuilder().setCart(CartMapper.toProto(cart)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<ApplyCouponResponse> applyCoupon(ApplyCouponRequest request) {
        return caller.current().chain(me -> {
            new Violations().requireText("code", request.getCode(), 1, 32).throwIfAny();
            return carts.applyCoupon(me.userId(), request.getCode());
        }).map(cart -> ApplyCouponResponse.newBuilder().setCart(CartMapper.toProto(cart)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<RemoveCouponResponse> removeCoupon(RemoveCouponRequest request) {
        return caller.current().chain(me -> carts.removeCoupon(me.userId()))
                .map(cart -> RemoveCouponResponse.newBuilder().setCart(CartMapper.toProto(cart)).build());
    }

    @Override
    @RolesAllowed(Roles.SERVICE)
    public Uni<RedeemCouponResponse> redeemCoupon(RedeemCouponRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations().requireUuid("order_id", request.getOrderId())
                    .requireUuid("user_id", request.getUserId()).requireText("code", request.getCode(), 1, 32)
                    .check(request.getLinesCount() > 0, "lines", "is required");
            for (int i = 0; i < request.getLinesCount(); i++) {
                violations.requireUuid("lines[" + i + "].product_id", request.getLines(i).getProductId());
            }
            violations.throwIfAny();
            return coupons.redeem(UUID.fromString(request.getOrderId()), UUID.fromString(request.getUserId()),
                    request.getCode(), request.getLinesList().stream().map(line -> new CouponService.OrderLine(
                            UUID.fromString(line.getProductId()), Amount.fromProto(line.getLineTotal()))).toList());
        }).map(discount -> RedeemCouponResponse.newBuilder().setDiscount(discount.toProto()).build());
    }
}
