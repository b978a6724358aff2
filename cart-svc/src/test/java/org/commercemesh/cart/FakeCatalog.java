package org.commercemesh.cart;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.catalog.v1.BatchGetProductsRequest;
import org.commercemesh.catalog.v1.BatchGetProductsResponse;
import org.commercemesh.catalog.v1.MutinyProductServiceGrpc;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.platform.auth.Roles;

import com.google.type.Money;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * Stands in for catalog-svc: the real generated contract, served in-process by the application
 * under test, refusing any but a service token, with products the tests put in and four behaviours — answering, being down
 * (UNAVAILABLE), being slower than cart-svc's deadline, and restarting (UNAVAILABLE once, then
 * answering).
 */
@GrpcService
public class FakeCatalog extends MutinyProductServiceGrpc.ProductServiceImplBase {

    public enum Mode {
        ANSWERING, DOWN, SLOW, RESTARTING
    }

    private static final Map<String, Product> PRODUCTS = new ConcurrentHashMap<>();
    private static volatile Mode mode = Mode.ANSWERING;

    public static void mode(Mode newMode) {
        mode = newMode;
    }

    /** An ACTIVE, in-stock product priced in THB, registered with the fake. */
    public static Product product(String name, long price) {
        Product product = Product.newBuilder().setId(UUID.randomUUID().toString()).setSku("SKU-" + name.hashCode())
                .setName(name).setStatus(ProductStatus.PRODUCT_STATUS_ACTIVE).setPrice(thb(price))
                .setEffectivePrice(thb(price)).setInStock(true).setManageStock(true).setAvailableQuantity(10).build();
        put(product);
        return product;
    }

    public static void put(Product product) {
        PRODUCTS.put(product.getId(), product);
    }

    public static Money thb(long units) {
        return Money.newBuilder().setCurrencyCode("THB").setUnits(units).build();
    }

    // Served under the application's own security, as catalog-svc serves it: only a service token passes.
    @Override
    @RolesAllowed(Roles.SERVICE)
    public Uni<BatchGetProductsResponse> batchGetProducts(BatchGetProductsRequest request) {
        return switch (mode) {
            case DOWN ->
                Uni.createFrom().failure(Status.UNAVAILABLE.withDescription("connection refused").asRuntimeException());
            // Never answers: cart-svc's deadline ends the call. A late answer would be written on a
            // stream the client has reset, and the HTTP/2 server then closes the whole
            // connection (GOAWAY PROTOCOL_ERROR), failing the next test's calls.
            case SLOW -> Uni.createFrom().nothing();
            case RESTARTING -> {
                mode = Mode.ANSWERING;
                yield Uni.createFrom()
                        .failure(Status.UNAVAILABLE.withDescription("connection reset").asRuntimeException());
            }
            case ANSWERING -> answer(request);
        };
    }

    private static Uni<BatchGetProductsResponse> answer(BatchGetProductsRequest request) {
        BatchGetProductsResponse.Builder response = BatchGetProductsResponse.newBuilder();
        request.getProductIdsList().forEach(id -> {
            Product product = PRODUCTS.get(id);
            if (product == null) {
                response.addMissingIds(id);
            } else {
                response.addProducts(product);
            }
        });
        return Uni.createFrom().item(response.build());
    }
}
