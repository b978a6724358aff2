package org.commercemesh.catalog.product;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.catalog.v1.BatchGetProductsRequest;
import org.commercemesh.catalog.v1.BatchGetProductsResponse;
import org.commercemesh.catalog.v1.CreateProductRequest;
import org.commercemesh.catalog.v1.CreateProductResponse;
import org.commercemesh.catalog.v1.DeleteProductRequest;
import org.commercemesh.catalog.v1.DeleteProductResponse;
import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.catalog.v1.GetProductResponse;
import org.commercemesh.catalog.v1.ListProductsRequest;
import org.commercemesh.catalog.v1.ListProductsResponse;
import org.commercemesh.catalog.v1.ProductSort;
import org.commercemesh.catalog.v1.SearchProductsRequest;
import org.commercemesh.catalog.v1.SearchProductsResponse;
import org.commercemesh.catalog.v1.UpdateProductRequest;
import org.commercemesh.catalog.v1.UpdateProductResponse;
import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.auth.Scopes;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.paging.PageRequest;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * commerce.catalog.v1.ProductService. Reads are public and show customers ACTIVE products only;
 * admins and partners with {@code catalog:read} see every status, and admins and partners with
 * {@code catalog:write} (a merchant feed) change the catalog.
 */
@GrpcService
public class ProductGrpcService implements org.commercemesh.catalog.v1.ProductService {

    private final ProductService products;
    private final Caller caller;

    public ProductGrpcService(ProductService products, Caller caller) {
        this.products = products;
        this.caller = caller;
    }

    @Override
    @PermitAll
    public Uni<GetProductResponse> getProduct(GetProductRequest request) {
        return caller.may(Scopes.CATALOG_READ).chain(admin -> {
            Violations violations = new Violations();
            switch (request.getLookupCase()) {
                case PRODUCT_ID -> violations.requireUuid("product_id", request.getProductId());
                case SLUG -> violations.requireText("slug", request.getSlug(), 1, 120);
                default -> violations.add("product_id", "product_id or slug is required");
            }
            violations.throwIfAny();
            return request.hasProductId()
                    ? products.get(UUID.fromString(request.getProductId()), null, admin)
                    : products.get(null, request.getSlug(), admin);
        }).map(product -> GetProductResponse.newBuilder().setProduct(product).build());
    }

    @Override
    @PermitAll
    public Uni<ListProductsResponse> listProducts(ListProductsRequest request) {
        return caller.may(Scopes.CATALOG_READ).chain(admin -> {
            Violations violations = new Violations();
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 2, violations);
            ProductRules.validateFilter(request.getFilter(), violations);
            violations.check(request.getSort() != ProductSort.UNRECOGNIZED
                    && request.getSort() != ProductSort.PRODUCT_SORT_RELEVANCE, "sort", "must be a list sort order");
            violations.throwIfAny();
            return products.list(request.getFilter(), request.getSort(), page, admin);
        }).map(page -> ListProductsResponse.newBuilder()
                .addAllProducts(page.products())
                .setNextPageToken(page.nextPageToken()).build());
    }

    @Override
    @PermitAll
    public Uni<SearchProductsResponse> searchProducts(SearchProductsRequest request) {
        return caller.may(Scopes.CATALOG_READ).chain(admin -> {
            Violations violations = new Violations().requireText("query", request.getQuery(), 1, 200);
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 1, violations);
            ProductRules.validateFilter(request.getFilter(), violations);
            violations.check(request.getSort() != ProductSort.UNRECOGNIZED, "sort", "is not a known sort order");
            violations.throwIfAny();
            return products.search(request.getQuery(), request.getFilter(), request.getSort(), page, admin);
        }).map(page -> SearchProductsResponse.newBuilder()
                .addAllProducts(page.products())
                .setNextPageToken(page.nextPageToken()).build());
    }

    /** Internal (order-svc, cart-svc) with their own service token; every status is returned so callers can refuse inactive ones. */
    @Override
    @RolesAllowed(Roles.SERVICE)
    public Uni<BatchGetProductsResponse> batchGetProducts(BatchGetProductsRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations().range("product_ids", request.getProductIdsCount(), 1, 100);
            for (int i = 0; i < request.getProductIdsCount(); i++) {
                violations.requireUuid("product_ids[" + i + "]", request.getProductIds(i));
            }
            violations.throwIfAny();
            Set<UUID> ids = new LinkedHashSet<>(request.getProductIdsList().stream().map(UUID::fromString).toList());
            return products.byIds(ids).map(views -> {
                Set<String> found = new java.util.HashSet<>(
                        views.stream().map(v -> v.product().id.toString()).toList());
                return BatchGetProductsResponse.newBuilder()
                        .addAllProducts(views.stream().map(ProductMapper::toProto).toList())
                        .addAllMissingIds(ids.stream().map(UUID::toString).filter(id -> !found.contains(id)).toList())
                        .build();
            });
        });
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Scopes.CATALOG_WRITE })
    public Uni<CreateProductResponse> createProduct(CreateProductRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations();
            ProductRules.validate(request.getProduct(), new UpdateMask(ProductRules.CREATABLE), violations);
            violations.throwIfAny();
            return products.create(request.getProduct());
        }).map(view -> CreateProductResponse.newBuilder().setProduct(ProductMapper.toProto(view)).build());
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Scopes.CATALOG_WRITE })
    public Uni<UpdateProductResponse> updateProduct(UpdateProductRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations().requireUuid("product.id", request.getProduct().getId());
            UpdateMask mask = UpdateMask.of(request.hasUpdateMask(), request.getUpdateMask(), ProductRules.UPDATABLE,
                    violations);
            ProductRules.validate(request.getProduct(), mask, violations);
            violations.throwIfAny();
            return products.update(request.getProduct(), mask);
        }).map(view -> UpdateProductResponse.newBuilder().setProduct(ProductMapper.toProto(view)).build());
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Scopes.CATALOG_WRITE })
    public Uni<DeleteProductResponse> deleteProduct(DeleteProductRequest request) {
        return Uni.createFrom().deferred(() -> {
            new Violations().requireUuid("product_id", request.getProductId()).throwIfAny();
            return products.delete(UUID.fromString(request.getProductId()));
        }).replaceWith(DeleteProductResponse.getDefaultInstance());
    }
}
