package org.commercemesh.bench.scenario;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

import org.commercemesh.bench.Calls;
import org.commercemesh.bench.Mesh;
import org.commercemesh.bench.Mesh.Service;
import org.commercemesh.bench.SqlReplay;
import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductServiceGrpc;

/** A shopper opens a product page: GetProduct of one of 500 products, anonymously. */
public final class GetProduct extends CatalogScenario {

    private List<String> ids;

    public GetProduct(Mesh mesh) {
        super(mesh, "get-product", 500);
    }

    @Override
    public void prepare() {
        super.prepare();
        ids = onSale.stream().map(Product::getId).toList();
    }

    @Override
    public CompletableFuture<?> call() {
        String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size()));
        return Calls.of(products.getProduct(GetProductRequest.newBuilder().setProductId(id).build()));
    }

    @Override
    public Optional<SqlReplay> sqlReplay() {
        return Optional.of(new SqlReplay("sql/get-product.sql", Service.CATALOG, Map.of("id", ids.get(0))));
    }

    /** One product to serve: the echo server answers with it, so both carry the same bytes. */
    public Product sample() {
        return ProductServiceGrpc.newBlockingStub(mesh().channel(Service.CATALOG))
                .getProduct(GetProductRequest.newBuilder().setProductId(ids.get(0)).build()).getProduct();
    }
}
