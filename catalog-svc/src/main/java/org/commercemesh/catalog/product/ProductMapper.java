package org.commercemesh.catalog.product;

import java.math.RoundingMode;
import java.util.List;

import org.commercemesh.catalog.v1.Dimensions;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductChanged;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.time.ProtoTime;

/** Products to commerce.catalog.v1 messages and events. */
public final class ProductMapper {

    private ProductMapper() {
    }

    public static Product toProto(ProductDetails details) {
        CatalogProduct p = details.product();
        Product.Builder message = Product.newBuilder()
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
                .addAllCategories(details.categories())
                .putAllAttributes(ProductDocuments.attributes(p.attributes))
                .addAllImages(ProductDocuments.images(p.images))
                .setWeightGrams(p.weightGrams)
                .setManageStock(p.manageStock)
                .setStockQuantity(p.stockQuantity)
                .setAvailableQuantity(p.manageStock ? details.available() : 0)
                .setInStock(details.inStock())
                .setFeatured(p.featured)
                .setAverageRating(p.averageRating.setScale(2, RoundingMode.HALF_EVEN).doubleValue())
                .setReviewCount(p.reviewCount)
                .setCreateTime(ProtoTime.toProto(p.createdAt))
                .setUpdateTime(ProtoTime.toProto(p.updatedAt));
        if (p.salePrice != null) {
            message.setSalePrice(new Amount(p.salePrice, p.currency).toProto());
        }
        if (p.lengthMm != null) {
            message.setDimensions(Dimensions.newBuilder().setLengthMm(p.lengthMm).setWidthMm(p.widthMm)
                    .setHeightMm(p.heightMm));
        }
        return message.build();
    }

    public static ProductChanged changed(CatalogProduct product, List<String> fields, boolean created) {
        ProductChanged.Builder event = ProductChanged.newBuilder()
                .setProductId(product.id.toString())
                .setSku(product.sku)
                .setName(product.name)
                .setStatus(product.status.toProto())
                .setPrice(new Amount(product.price, product.currency).toProto())
                .addAllChangedFields(fields)
                .setCreated(created)
                .setChangeTime(ProtoTime.toProto(product.updatedAt));
        if (product.salePrice != null) {
            event.setSalePrice(new Amount(product.salePrice, product.currency).toProto());
        }
        return event.build();
    }
}
