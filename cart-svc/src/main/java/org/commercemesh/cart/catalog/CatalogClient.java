package org.commercemesh.cart.catalog;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.v1.BatchGetProductsRequest;
import org.commercemesh.catalog.v1.MutinyProductServiceGrpc.MutinyProductServiceStub;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.platform.auth.ServiceToken;
import org.commercemesh.platform.grpc.Downstream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/** What cart-svc asks catalog-svc: products with their current price, status and stock. */
@ApplicationScoped
public class CatalogClient {

    private static final String SERVICE = "catalog-svc";

    private final MutinyProductServiceStub products;
    private final ServiceToken serviceToken;
    private final Duration deadline;

    public CatalogClient(@GrpcClient("catalog") MutinyProductServiceStub products, ServiceToken serviceToken,
            @ConfigProperty(name = "commerce.catalog.deadline") Duration deadline) {
        this.products = products;
        this.serviceToken = serviceToken;
        this.deadline = deadline;
    }

    /**
     * The products found, by id (missing ones are absent). BatchGetProducts is internal, so
     * cart-svc asks with its own service token, whoever's cart it is working on.
     */
    public Uni<Map<UUID, Product>> products(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        BatchGetProductsRequest request = BatchGetProductsRequest.newBuilder()
                .addAllProductIds(new LinkedHashSet<>(ids).stream().map(UUID::toString).toList()).build();
        return serviceToken.get()
                .chain(token -> Downstream.idempotent(
                        Downstream.as(products, token, deadline).batchGetProducts(request),
                        SERVICE, deadline))
                .map(response -> response.getProductsList().stream()
                        .collect(Collectors.toMap(product -> UUID.fromString(product.getId()), Function.identity())));
    }
}
