package org.commercemesh.order;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.cart.v1.GetCartRequest;
import org.commercemesh.cart.v1.GetCartResponse;
import org.commercemesh.cart.v1.MutinyCartServiceGrpc;
import org.commercemesh.platform.auth.Roles;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** Stands in for cart-svc's CartService on the generated contract. */
@GrpcService
public class FakeCartService extends MutinyCartServiceGrpc.CartServiceImplBase {

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<GetCartResponse> getCart(GetCartRequest request) {
        return Uni.createFrom().item(GetCartResponse.newBuilder().setCart(FakeMesh.cart).build());
    }
}
