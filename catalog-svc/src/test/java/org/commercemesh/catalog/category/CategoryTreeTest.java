package org.commercemesh.catalog.category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.catalog.TestCatalog.WAIT;

import java.util.List;

import org.commercemesh.catalog.TestCatalog;
import org.commercemesh.catalog.v1.Category;
import org.commercemesh.catalog.v1.CategoryNode;
import org.commercemesh.catalog.v1.CategoryService;
import org.commercemesh.catalog.v1.CreateCategoryRequest;
import org.commercemesh.catalog.v1.DeleteCategoryRequest;
import org.commercemesh.catalog.v1.GetCategoryRequest;
import org.commercemesh.catalog.v1.GetCategoryTreeRequest;
import org.commercemesh.catalog.v1.ListCategoriesRequest;
import org.commercemesh.catalog.v1.ProductService;
import org.commercemesh.catalog.v1.UpdateCategoryRequest;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CategoryTreeTest {

    @GrpcClient("catalog")
    CategoryService categories;

    @GrpcClient("catalog")
    ProductService products;

    @Test
    void givenANameOnly_whenCreating_thenTheSlugIsDerived() {
        String name = TestCatalog.unique("Garden & Patio");

        Category created = TestCatalog.category(categories, name, "");

        assertThat(created.getSlug()).isEqualTo(name.toLowerCase().replace(" & ", "-"));
    }

    @Test
    void givenADuplicateSlug_whenCreating_thenAlreadyExists() {
        Category first = TestCatalog.category(categories, TestCatalog.unique("Books"), "");

        Throwable failure = catchThrowable(() -> asAdmin().createCategory(CreateCategoryRequest.newBuilder()
                .setCategory(Category.newBuilder().setName("Other").setSlug(first.getSlug())).build()).await()
                .atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void givenATree_whenMovingACategoryUnderItselfOrItsDescendant_thenFailedPrecondition() {
        Category root = TestCatalog.category(categories, TestCatalog.unique("Root"), "");
        Category child = TestCatalog.category(categories, TestCatalog.unique("Child"), root.getId());
        Category grandchild = TestCatalog.category(categories, TestCatalog.unique("Grandchild"), child.getId());

        Throwable underItself = catchThrowable(() -> move(root, root.getId()));
        Throwable underGrandchild = catchThrowable(() -> move(root, grandchild.getId()));
        Category moved = move(grandchild, root.getId());

        assertThat(GrpcErrors.reason(underItself)).contains("CATEGORY_CYCLE");
        assertThat(GrpcErrors.reason(underGrandchild)).contains("CATEGORY_CYCLE");
        assertThat(moved.getParentId()).isEqualTo(root.getId());
    }

    @Test
    void givenChildrenOrProducts_whenDeleting_thenFailedPreconditionUntilEmpty() {
        Category root = TestCatalog.category(categories, TestCatalog.unique("Toys"), "");
        Category child = TestCatalog.category(categories, TestCatalog.unique("Puzzles"), root.getId());
        TestCatalog.createIn(products, TestCatalog.product("Jigsaw", 300, 1), child.getId());

        Throwable withChildren = catchThrowable(() -> delete(root));
        Throwable withProducts = catchThrowable(() -> delete(child));

        assertThat(GrpcErrors.reason(withChildren)).contains("CATEGORY_NOT_EMPTY");
        assertThat(GrpcErrors.reason(withProducts)).contains("CATEGORY_NOT_EMPTY");
        Category empty = TestCatalog.category(categories, TestCatalog.unique("Empty"), root.getId());
        delete(empty);
        assertThat(GrpcErrors.code(catchThrowable(() -> categories.getCategory(GetCategoryRequest.newBuilder()
                .setCategoryId(empty.getId()).build()).await().atMost(WAIT)))).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void givenAnInactiveBranch_thenCustomersDoNotSeeItAndAdminsDo() {
        Category root = TestCatalog.category(categories, TestCatalog.unique("Seasonal"), "");
        Category hidden = TestCatalog.category(categories, TestCatalog.unique("Halloween"), root.getId());
        TestCatalog.category(categories, TestCatalog.unique("Costumes"), hidden.getId());
        asAdmin().updateCategory(UpdateCategoryRequest.newBuilder()
                .setCategory(Category.newBuilder().setId(hidden.getId()).setActive(false))
                .setUpdateMask(FieldMask.newBuilder().addPaths("active")).build()).await().atMost(WAIT);

        List<CategoryNode> customerTree = categories.getCategoryTree(GetCategoryTreeRequest.newBuilder()
                .setRootId(root.getId()).build()).await().atMost(WAIT).getRootsList();
        List<CategoryNode> adminTree = asAdmin().getCategoryTree(GetCategoryTreeRequest.newBuilder()
                .setRootId(root.getId()).build()).await().atMost(WAIT).getRootsList();

        assertThat(customerTree.get(0).getChildrenList()).isEmpty();
        assertThat(adminTree.get(0).getChildren(0).getCategory().getId()).isEqualTo(hidden.getId());
        assertThat(adminTree.get(0).getChildren(0).getChildrenCount()).isEqualTo(1);
        assertThat(categories.listCategories(ListCategoriesRequest.newBuilder().setParentId(root.getId()).build())
                .await().atMost(WAIT).getCategoriesList()).isEmpty();
        assertThat(GrpcErrors.code(catchThrowable(() -> categories.getCategory(GetCategoryRequest.newBuilder()
                .setCategoryId(hidden.getId()).build()).await().atMost(WAIT)))).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void givenACustomer_whenChangingCategories_thenPermissionDenied() {
        Throwable failure = catchThrowable(() -> TestTokens.withToken(categories, TestCatalog.customerToken())
                .createCategory(CreateCategoryRequest.newBuilder().setCategory(Category.newBuilder().setName("Mine"))
                        .build())
                .await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    private CategoryService asAdmin() {
        return TestTokens.withToken(categories, TestCatalog.ADMIN_TOKEN);
    }

    private Category move(Category category, String parentId) {
        return asAdmin().updateCategory(UpdateCategoryRequest.newBuilder()
                .setCategory(Category.newBuilder().setId(category.getId()).setParentId(parentId))
                .setUpdateMask(FieldMask.newBuilder().addPaths("parent_id")).build()).await().atMost(WAIT)
                .getCategory();
    }

    private void delete(Category category) {
        asAdmin().deleteCategory(DeleteCategoryRequest.newBuilder().setCategoryId(category.getId()).build())
                .await().atMost(WAIT);
    }
}
