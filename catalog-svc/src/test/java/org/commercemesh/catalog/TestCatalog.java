package org.commercemesh.catalog;

import java.time.Duration;
import java.util.UUID;

import org.commercemesh.catalog.v1.Category;
import org.commercemesh.catalog.v1.CategoryService;
import org.commercemesh.catalog.v1.CreateCategoryRequest;
import org.commercemesh.catalog.v1.CreateProductRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductCategory;
import org.commercemesh.catalog.v1.ProductService;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.testing.auth.TestTokens;

import com.google.type.Money;

/** Builds catalog data through the admin API, as a shop manager would. */
public final class TestCatalog {

    public static final Duration WAIT = Duration.ofSeconds(15);
    public static final String ADMIN_TOKEN = TestTokens.admin(UUID.randomUUID());
    /** What order-svc and cart-svc call the internal RPCs with. */
    public static final String SERVICE_TOKEN = TestTokens.service("order-svc");

    private TestCatalog() {
    }

    public static String customerToken() {
        return TestTokens.customer(UUID.randomUUID());
    }

    public static Money thb(long units) {
        return Money.newBuilder().setCurrencyCode("THB").setUnits(units).build();
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Category category(CategoryService categories, String name, String parentId) {
        return TestTokens.withToken(categories, ADMIN_TOKEN).createCategory(CreateCategoryRequest.newBuilder()
                .setCategory(Category.newBuilder().setName(name).setParentId(parentId).setActive(true)).build())
                .await().atMost(WAIT).getCategory();
    }

    /** An ACTIVE product with managed stock. */
    public static Product.Builder product(String name, long price, int stock) {
        return Product.newBuilder().setSku(unique("SKU")).setName(name).setStatus(ProductStatus.PRODUCT_STATUS_ACTIVE)
                .setPrice(thb(price)).setManageStock(true).setStockQuantity(stock);
    }

    public static Product create(ProductService products, Product.Builder product) {
        return TestTokens.withToken(products, ADMIN_TOKEN)
                .createProduct(CreateProductRequest.newBuilder().setProduct(product).build()).await().atMost(WAIT)
                .getProduct();
    }

    public static Product createIn(ProductService products, Product.Builder product, String categoryId) {
        return create(products,
                product.addCategories(ProductCategory.newBuilder().setCategoryId(categoryId).setPrimary(true)));
    }
}
