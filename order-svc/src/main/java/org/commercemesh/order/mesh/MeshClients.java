package org.commercemesh.order.mesh;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.cart.v1.Cart;
import org.commercemesh.cart.v1.GetCartRequest;
import org.commercemesh.cart.v1.MutinyCartServiceGrpc.MutinyCartServiceStub;
import org.commercemesh.cart.v1.RedeemCouponRequest;
import org.commercemesh.cart.v1.RedeemCouponResponse;
import org.commercemesh.cart.v1.RedeemLine;
import org.commercemesh.catalog.v1.BatchGetProductsRequest;
import org.commercemesh.catalog.v1.MutinyInventoryServiceGrpc.MutinyInventoryServiceStub;
import org.commercemesh.catalog.v1.MutinyProductServiceGrpc.MutinyProductServiceStub;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ReserveStockRequest;
import org.commercemesh.catalog.v1.StockLine;
import org.commercemesh.platform.auth.ServiceToken;
import org.commercemesh.platform.grpc.Downstream;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.GetAddressRequest;
import org.commercemesh.user.v1.ListAddressesRequest;
import org.commercemesh.user.v1.MutinyAddressServiceGrpc.MutinyAddressServiceStub;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.google.type.Money;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * What checkout asks the other services, within the configured deadline: the buyer's own data
 * (cart, addresses) with the buyer's forwarded token, internal RPCs (product batch reads, stock
 * reservations) with order-svc's own service token (design §6).
 */
@ApplicationScoped
public class MeshClients {

    private final MutinyCartServiceStub carts;
    private final MutinyProductServiceStub products;
    private final MutinyInventoryServiceStub inventory;
    private final MutinyAddressServiceStub addresses;
    private final ServiceToken serviceToken;
    private final Duration deadline;

    public MeshClients(@GrpcClient("cart") MutinyCartServiceStub carts,
            @GrpcClient("catalog") MutinyProductServiceStub products,
            @GrpcClient("catalog") MutinyInventoryServiceStub inventory,
            @GrpcClient("user") MutinyAddressServiceStub addresses, ServiceToken serviceToken,
            @ConfigProperty(name = "commerce.downstream.deadline") Duration deadline) {
        this.serviceToken = serviceToken;
        this.carts = carts;
        this.products = products;
        this.inventory = inventory;
        this.addresses = addresses;
        this.deadline = deadline;
    }

    public Uni<Cart> cart(String token) {
        return Downstream.idempotent(Downstream.as(carts, token, deadline).getCart(GetCartRequest.getDefaultInstance()),
                "cart-svc", deadline).map(response -> response.getCart());
    }

    public Uni<Map<UUID, Product>> products(Collection<UUID> ids) {
        BatchGetProductsRequest request = BatchGetProductsRequest.newBuilder()
                .addAllProductIds(ids.stream().map(UUID::toString).distinct().toList()).build();
        return serviceToken.get().chain(token -> Downstream.idempotent(Downstream.as(products, token, deadline)
                .batchGetProducts(request), "catalog-svc", deadline))
                .map(response -> response.getProductsList().stream()
                        .collect(Collectors.toMap(product -> UUID.fromString(product.getId()), Function.identity())));
    }

    /** Reserves every line for the order (idempotent per order id in catalog-svc). */
    public Uni<Void> reserve(UUID orderId, Map<UUID, Integer> lines) {
        ReserveStockRequest.Builder request = ReserveStockRequest.newBuilder().setOrderId(orderId.toString());
        lines.forEach((product, quantity) -> request.addLines(StockLine.newBuilder()
                .setProductId(product.toString()).setQuantity(quantity)));
        return serviceToken.get().chain(token -> Downstream.idempotent(Downstream.as(inventory, token, deadline)
                .reserveStock(request.build()), "catalog-svc", deadline)).replaceWithVoid();
    }

    /**
     * Redeems the cart's coupon for the order (cart-svc, idempotent per order id) and returns the
     * discount; its refusals (FAILED_PRECONDITION with the reason) reach the buyer as they are.
     */
    public Uni<Money> redeemCoupon(UUID orderId, UUID userId, String code, List<RedeemLine> lines) {
        RedeemCouponRequest request = RedeemCouponRequest.newBuilder().setOrderId(orderId.toString())
                .setUserId(userId.toString()).setCode(code).addAllLines(lines).build();
        return serviceToken.get().chain(token -> Downstream.idempotent(Downstream.as(carts, token, deadline)
                .redeemCoupon(request), "cart-svc", deadline)).map(RedeemCouponResponse::getDiscount);
    }

    /** One of the buyer's addresses; user-svc answers NOT_FOUND for anyone else's. */
    public Uni<Address> address(UUID addressId, String token) {
        return Downstream.idempotent(Downstream.as(addresses, token, deadline).getAddress(GetAddressRequest.newBuilder()
                .setAddressId(addressId.toString()).build()), "user-svc", deadline)
                .map(response -> response.getAddress());
    }

    /** The buyer's default address, or null when they have none. */
    public Uni<Address> defaultAddress(String token) {
        return Downstream
                .idempotent(Downstream.as(addresses, token, deadline).listAddresses(ListAddressesRequest.newBuilder()
                        .setPageSize(1).build()), "user-svc", deadline)
                .map(response -> {
                    List<Address> list = response.getAddressesList();
                    return list.isEmpty() || !list.get(0).getIsDefault() ? null : list.get(0);
                });
    }
}
