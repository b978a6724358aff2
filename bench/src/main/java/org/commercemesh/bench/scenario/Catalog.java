package org.commercemesh.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.commercemesh.bench.Mesh;
import org.commercemesh.bench.Mesh.Service;
import org.commercemesh.catalog.v1.ListProductsRequest;
import org.commercemesh.catalog.v1.ListProductsResponse;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductServiceGrpc;

/** What the catalog scenarios read before they start: products a shopper can see. */
final class Catalog {

    private Catalog() {
    }

    /** Up to {@code wanted} products on sale, newest first. */
    static List<Product> products(Mesh mesh, int wanted) {
        ProductServiceGrpc.ProductServiceBlockingStub products = ProductServiceGrpc.newBlockingStub(
                mesh.channel(Service.CATALOG));
        List<Product> found = new ArrayList<>();
        String token = "";
        do {
            ListProductsResponse page = products.withDeadlineAfter(30, TimeUnit.SECONDS)
                    .listProducts(ListProductsRequest
                            .newBuilder().setPageSize(100).setPageToken(token).build());
            found.addAll(page.getProductsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty() && found.size() < wanted);
        if (found.isEmpty()) {
            throw new IllegalStateException("the catalog has no products on sale: load bench/data/products.sql");
        }
        return found.size() > wanted ? found.subList(0, wanted) : found;
    }
}
