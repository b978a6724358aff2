package org.commercemesh.catalog.product;

import java.util.Set;

import org.commercemesh.catalog.Slugs;
import org.commercemesh.catalog.WebUrls;
import org.commercemesh.catalog.v1.AttributeValue;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductCategory;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.catalog.v1.ProductImage;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.money.Amount;

import com.google.type.Money;

/** Validation of product fields, for create (every field) and update (the masked ones). */
final class ProductRules {

    static final Set<String> UPDATABLE = Set.of("sku", "slug", "name", "short_description", "description", "status",
            "price", "sale_price", "brand", "categories", "attributes", "images", "weight_grams", "dimensions",
            "manage_stock", "featured");
    /** Create also takes the opening stock. */
    static final Set<String> CREATABLE = union(UPDATABLE, "stock_quantity");

    private ProductRules() {
    }

    static void validate(Product product, UpdateMask mask, Violations violations) {
        if (mask.has("sku")) {
            violations.check(product.getSku().matches("[A-Za-z0-9._-]{1,64}"), "product.sku",
                    "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        if (mask.has("slug") && !product.getSlug().isEmpty()) {
            violations.check(Slugs.isValid(product.getSlug()), "product.slug",
                    "must be lower-case letters, digits and single hyphens, at most 120 characters");
        }
        if (mask.has("name")) {
            violations.requireText("product.name", product.getName(), 1, 200);
        }
        if (mask.has("short_description")) {
            violations.optionalText("product.short_description", product.getShortDescription(), 500);
        }
        if (mask.has("description")) {
            violations.optionalText("product.description", product.getDescription(), 20_000);
        }
        if (mask.has("status")) {
            violations.check(product.getStatus() != ProductStatus.UNRECOGNIZED, "product.status",
                    "is not a known status");
        }
        Amount price = mask.has("price")
                ? money(violations, "product.price", product.hasPrice(), product.getPrice(), true)
                : null;
        if (mask.has("sale_price") && product.hasSalePrice()) {
            Amount sale = money(violations, "product.sale_price", true, product.getSalePrice(), false);
            if (sale != null && price != null) {
                violations
                        .check(sale.currency().equals(price.currency()), "product.sale_price",
                                "must be in the price's currency")
                        .check(!sale.currency().equals(price.currency()) || sale.compareTo(price) < 0,
                                "product.sale_price",
                                "must be below the price");
            }
        }
        if (mask.has("brand")) {
            violations.optionalText("product.brand", product.getBrand(), 100);
        }
        if (mask.has("categories")) {
            categories(violations, product);
        }
        if (mask.has("attributes")) {
            attributes(violations, product);
        }
        if (mask.has("images")) {
            violations.check(product.getImagesCount() <= 20, "product.images", "must be at most 20");
            for (int i = 0; i < product.getImagesCount(); i++) {
                ProductImage image = product.getImages(i);
                violations.check(WebUrls.isHttpUrl(image.getUrl()),
                        "product.images[" + i + "].url", "must be an absolute http(s) URL")
                        .optionalText("product.images[" + i + "].alt_text", image.getAltText(), 200);
            }
        }
        if (mask.has("weight_grams")) {
            violations.range("product.weight_grams", product.getWeightGrams(), 0, 1_000_000);
        }
        if (mask.has("dimensions") && product.hasDimensions()) {
            violations.range("product.dimensions.length_mm", product.getDimensions().getLengthMm(), 1, 10_000)
                    .range("product.dimensions.width_mm", product.getDimensions().getWidthMm(), 1, 10_000)
                    .range("product.dimensions.height_mm", product.getDimensions().getHeightMm(), 1, 10_000);
        }
        if (mask.has("stock_quantity")) {
            violations.range("product.stock_quantity", product.getStockQuantity(), 0, 10_000_000);
        }
    }

    private static Amount money(Violations violations, String field, boolean present, Money money, boolean required) {
        if (!present) {
            violations.check(!required, field, "is required");
            return null;
        }
        Amount amount = violations.amount(field, money);
        if (amount != null) {
            violations.check(amount.isPositive(), field, "must be greater than zero");
        }
        return amount;
    }

    private static void categories(Violations violations, Product product) {
        long primaries = product.getCategoriesList().stream().filter(ProductCategory::getPrimary).count();
        violations.check(product.getCategoriesCount() == 0 || primaries == 1, "product.categories",
                "exactly one category must be primary");
        violations.check(product.getCategoriesList().stream().map(ProductCategory::getCategoryId).distinct()
                .count() == product.getCategoriesCount(), "product.categories", "must not repeat a category");
        for (int i = 0; i < product.getCategoriesCount(); i++) {
            violations.check(Ids.parseOrNull(product.getCategories(i).getCategoryId()) != null,
                    "product.categories[" + i + "].category_id", "must be a UUID");
        }
    }

    private static void attributes(Violations violations, Product product) {
        violations.check(product.getAttributesCount() <= 50, "product.attributes", "must be at most 50");
        for (var entry : product.getAttributesMap().entrySet()) {
            String field = "product.attributes[" + entry.getKey() + "]";
            violations.check(!entry.getKey().isBlank() && entry.getKey().length() <= 50, field,
                    "names must be 1 to 50 characters");
            AttributeValue value = entry.getValue();
            violations.check(value.getKindCase() != AttributeValue.KindCase.KIND_NOT_SET, field, "needs a value");
        }
    }

    private static Set<String> union(Set<String> base, String extra) {
        Set<String> all = new java.util.HashSet<>(base);
        all.add(extra);
        return Set.copyOf(all);
    }

    /** Validates a list or search filter; admins may filter by status, customers only see ACTIVE. */
    static void validateFilter(ProductFilter filter, Violations violations) {
        violations.optionalUuid("filter.category_id", filter.getCategoryId());
        Amount min = filterPrice(violations, "filter.min_price", filter.hasMinPrice(), filter.getMinPrice());
        Amount max = filterPrice(violations, "filter.max_price", filter.hasMaxPrice(), filter.getMaxPrice());
        if (min != null && max != null) {
            violations
                    .check(min.currency().equals(max.currency()), "filter.max_price", "must be in min_price's currency")
                    .check(!min.currency().equals(max.currency()) || min.compareTo(max) <= 0, "filter.max_price",
                            "must not be below min_price");
        }
        violations.check(filter.getStatus() != ProductStatus.UNRECOGNIZED, "filter.status", "is not a known status")
                .check(filter.getAttributesCount() <= 10, "filter.attributes", "must be at most 10");
        filter.getAttributesMap().forEach((name, value) -> violations
                .check(!name.isBlank() && name.length() <= 100, "filter.attributes",
                        "names must be 1 to 100 characters")
                .optionalText("filter.attributes[" + name + "]", value, 200));
    }

    private static Amount filterPrice(Violations violations, String field, boolean present, Money money) {
        if (!present) {
            return null;
        }
        Amount amount = violations.amount(field, money);
        if (amount != null) {
            violations.check(amount.value().signum() >= 0, field, "must not be negative");
        }
        return amount;
    }
}
