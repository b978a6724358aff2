package org.commercemesh.cart.shopping;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.cart.v1.AddCartItemResponse;
import org.commercemesh.cart.v1.ClearCartRequest;
import org.commercemesh.cart.v1.ClearCartResponse;
import org.commercemesh.cart.v1.GetCartRequest;
import org.commercemesh.cart.v1.GetCartResponse;
import org.commercemesh.cart.v1.RemoveCartItemRequest;
import org.commercemesh.cart.v1.RemoveCartItemResponse;
import org.commercemesh.cart.v1.UpdateCartItemRequest;
import org.commercemesh.cart.v1.UpdateCartItemResponse;
import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.error.Violations;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.cart.v1.CartService: the caller's own active cart. */
@GrpcService
public class CartGrpcService implements org.commercemesh.cart.v1.CartService {

    private final CartService carts;
    private final Caller caller;

    public CartGrpcService(CartService carts, Caller caller) {
        this.carts = carts;
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
}
