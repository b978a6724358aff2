package org.commercemesh.bench.scenario;

import java.util.List;

import org.commercemesh.bench.Mesh;
import org.commercemesh.bench.Mesh.Service;
import org.commercemesh.bench.Scenario;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductServiceGrpc;

/** A shopper's anonymous read of the catalog; it needs products on sale to read. */
abstract class CatalogScenario implements Scenario {

    private final Mesh mesh;
    private final String name;
    private final int productsNeeded;
    protected ProductServiceGrpc.ProductServiceFutureStub products;
    protected List<Product> onSale;

    CatalogScenario(Mesh mesh, String name, int productsNeeded) {
        this.mesh = mesh;
        this.name = name;
        this.productsNeeded = productsNeeded;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void prepare() {
        products = ProductServiceGrpc.newFutureStub(mesh.channel(Service.CATALOG));
        onSale = Catalog.products(mesh, productsNeeded);
    }

    protected Mesh mesh() {
        return mesh;
    }
}
