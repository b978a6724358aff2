package org.commercemesh.bench.scenario;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.commercemesh.bench.Calls;
import org.commercemesh.bench.Mesh;
import org.commercemesh.bench.Mesh.Service;
import org.commercemesh.bench.SqlReplay;
import org.commercemesh.catalog.v1.ListProductsRequest;

/** A shopper opens the catalog: the first page of 20 newest products, anonymously. */
public final class ListProducts extends CatalogScenario {

    public ListProducts(Mesh mesh) {
        super(mesh, "list-products", 1);
    }

    @Override
    public CompletableFuture<?> call() {
        return Calls.of(products.listProducts(ListProductsRequest.newBuilder().setPageSize(20).build()));
    }

    @Override
    public Optional<SqlReplay> sqlReplay() {
        return Optional.of(new SqlReplay("sql/list-products.sql", Service.CATALOG, Map.of()));
    }
}
