package org.commercemesh.catalog.product;

import java.util.List;

import org.commercemesh.catalog.v1.ProductCategory;

/** A product with what its message needs besides its row: categories and reserved units. */
public record ProductDetails(CatalogProduct product, List<ProductCategory> categories, int reserved) {

    public int available() {
        return Math.max(0, product.stockQuantity - reserved);
    }

    public boolean inStock() {
        return !product.manageStock || available() > 0;
    }
}
