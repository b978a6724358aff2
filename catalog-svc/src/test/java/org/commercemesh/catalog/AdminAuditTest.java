package org.commercemesh.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.catalog.TestCatalog.WAIT;

import java.util.List;
import java.util.UUID;

import org.commercemesh.audit.v1.AuditEntry;
import org.commercemesh.catalog.v1.AdjustStockRequest;
import org.commercemesh.catalog.v1.Category;
import org.commercemesh.catalog.v1.CategoryService;
import org.commercemesh.catalog.v1.DeleteProductRequest;
import org.commercemesh.catalog.v1.InventoryService;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductService;
import org.commercemesh.catalog.v1.UpdateProductRequest;
import org.commercemesh.testing.audit.AuditTrail;
import org.commercemesh.testing.auth.TestTokens;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AdminAuditTest {

    @GrpcClient("catalog")
    ProductService products;

    @GrpcClient("catalog")
    CategoryService categories;

    @GrpcClient("catalog")
    InventoryService inventory;

    @Test
    void givenAProductCreatedRenamedAndDeleted_thenEachStepIsAuditedWithItsBeforeAndAfter() {
        Product created = TestCatalog.create(products, TestCatalog.product("Audit Kettle", 900, 3));
        TestTokens.withToken(products, TestCatalog.ADMIN_TOKEN).updateProduct(UpdateProductRequest.newBuilder()
                .setProduct(Product.newBuilder().setId(created.getId()).setName("Audit Kettle II"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("name")).build()).await().atMost(WAIT);
        TestTokens.withToken(products, TestCatalog.ADMIN_TOKEN).deleteProduct(DeleteProductRequest.newBuilder()
                .setProductId(created.getId()).build()).await().atMost(WAIT);

        List<AuditEntry> trail = AuditTrail.about(created.getId(), 3);

        assertThat(trail).extracting(AuditEntry::getAction)
                .containsExactly("product.create", "product.update", "product.delete");
        assertThat(trail).allSatisfy(entry -> {
            assertThat(entry.getService()).isEqualTo("catalog-svc");
            assertThat(entry.getActorRolesList()).containsExactly("admin");
            assertThat(entry.getResourceType()).isEqualTo("product");
        });
        assertThat(trail.get(0).hasBefore()).isFalse();
        assertThat(trail.get(1).getBefore().getFieldsOrThrow("name").getStringValue()).isEqualTo("Audit Kettle");
        assertThat(trail.get(1).getAfter().getFieldsOrThrow("name").getStringValue()).isEqualTo("Audit Kettle II");
        assertThat(trail.get(2).hasAfter()).isFalse();
    }

    @Test
    void givenAStockAdjustmentThatIsRefused_thenOnlyTheOneThatHappenedIsAudited() {
        Product product = TestCatalog.create(products, TestCatalog.product("Audit Lamp", 500, 2));
        InventoryService asAdmin = TestTokens.withToken(inventory, TestCatalog.ADMIN_TOKEN);

        catchThrowable(() -> asAdmin.adjustStock(adjust(product.getId(), -5)).await().atMost(WAIT));
        asAdmin.adjustStock(adjust(product.getId(), 4)).await().atMost(WAIT);

        List<AuditEntry> trail = AuditTrail.about(product.getId(), 2);
        assertThat(trail).extracting(AuditEntry::getAction).containsExactly("product.create", "stock.adjust");
        AuditEntry adjusted = trail.get(1);
        assertThat(adjusted.getBefore().getFieldsOrThrow("stock_quantity").getNumberValue()).isEqualTo(2);
        assertThat(adjusted.getAfter().getFieldsOrThrow("stock_quantity").getNumberValue()).isEqualTo(6);
    }

    @Test
    void givenACategoryCreated_thenItIsAudited() {
        Category created = TestCatalog.category(categories, TestCatalog.unique("Audit"), "");

        assertThat(AuditTrail.about(created.getId(), 1)).singleElement().satisfies(entry -> {
            assertThat(entry.getAction()).isEqualTo("category.create");
            assertThat(entry.getAfter().getFieldsOrThrow("name").getStringValue()).isEqualTo(created.getName());
        });
    }

    private static AdjustStockRequest adjust(String productId, int delta) {
        return AdjustStockRequest.newBuilder().setProductId(productId).setDelta(delta)
                .setReason("audit test " + UUID.randomUUID()).build();
    }
}
