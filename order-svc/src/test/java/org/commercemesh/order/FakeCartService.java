package org.commercemesh.order;

import org.commercemesh.cart.v1.GetCartRequest;
import org.commercemesh.cart.v1.GetCartResponse;
import org.commercemesh.cart.v1.MutinyCartServiceGrpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** Stands in for cart-svc's CartService on the generated contract. */
@GrpcService
public class FakeCartService extends MutinyCartServiceGrpc.CartServiceImplBase {

    @Override
    public Uni<GetCartResponse> getCart(GetCartRequest request) {
        return Uni.createFrom().item(GetCartResponse.newBuilder().setCart(FakeMesh.cart).build());
    }
}
