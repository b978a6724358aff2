package org.commercemesh.catalog.product;

import java.math.RoundingMode;
import java.util.List;

import org.commercemesh.catalog.v1.ProductCategory;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.time.ProtoTime;

/** A product with what its message needs besides its row: categories and reserved units. */
public record ProductView(Product product, List<ProductCategory> categories, int reserved) {

    public int available() {
        return Math.max(0, product.stockQuantity - reserved);
    }

    public boolean inStock() {
        return !product.manageStock || available() > 0;
    }

    public org.commercemesh.catalog.v1.Product toProto() {
        Product p = product;
        org.commercemesh.catalog.v1.Product.Builder message = org.commercemesh.catalog.v1.Product.newBuilder()
                .setId(p.id.toString())
                .setSku(p.sku)
                .setSlug(p.slug)
                .setName(p.name)
                .setShortDescription(p.shortDescription)
                .setDescription(p.description)
                .setStatus(p.status.toProto())
                .setPrice(new Amount(p.price, p.currency).toProto())
                .setEffectivePrice(new Amount(p.effectivePrice(), p.currency).toProto())
                .setBrand(p.brand)
                .addAllCategories(categories)
                .putAllAttributes(ProductDocuments.attributes(p.attributes))
                .addAllImages(ProductDocuments.images(p.images))
                .setWeightGrams(p.weightGrams)
                .setManageStock(p.manageStock)
                .setStockQuantity(p.stockQuantity)
                .setAvailableQuantity(p.manageStock ? available() : 0)
                .setInStock(inStock())
                .setFeatured(p.featured)
                .setAverageRating(p.averageRating.setScale(2, RoundingMode.HALF_EVEN).doubleValue())
                .setReviewCount(p.reviewCount)
                .setCreateTime(ProtoTime.toProto(p.createdAt))
                .setUpdateTime(ProtoTime.toProto(p.updatedAt));
        if (p.salePrice != null) {
            message.setSalePrice(new Amount(p.salePrice, p.currency).toProto());
        }
        return message.build();
    }
}
