package org.commercemesh.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.catalog.TestCatalog.WAIT;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.commercemesh.catalog.v1.Category;
import org.commercemesh.catalog.v1.CategoryNode;
import org.commercemesh.catalog.v1.CategoryService;
import org.commercemesh.catalog.v1.GetCategoryTreeRequest;
import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.catalog.v1.ListProductsRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.catalog.v1.ProductService;
import org.commercemesh.catalog.v1.SearchProductsRequest;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.postgres.StreamingReplica;
import org.commercemesh.testing.postgres.StreamingReplicaProfile;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * catalog-svc on a private primary with a streaming standby behind its read datasource. With the
 * standby's replay paused, what the primary has and the standby lacks shows which path read where.
 */
@QuarkusTest
@TestProfile(StreamingReplicaProfile.class)
class ReadReplicaRoutingTest {

    StreamingReplica replica;

    @GrpcClient("catalog")
    ProductService products;

    @GrpcClient("catalog")
    CategoryService categories;

    @Test
    void givenTheStandbyPaused_whenAProductAndACategoryAreAdded_thenQueriesMissThemUntilItReplaysAndGetProductSeesThemAtOnce() {
        Category shelf = TestCatalog.category(categories, TestCatalog.unique("Lamps"), "");
        Product before = TestCatalog.createIn(products, TestCatalog.product("Brass desk lamp", 900, 5),
                shelf.getId());
        await().atMost(WAIT).until(() -> listed(shelf).contains(before.getId()));

        replica.pauseReplay();
        try {
            Product added = TestCatalog.createIn(products, TestCatalog.product("Zephyrine floor lamp", 2400, 3),
                    shelf.getId());
            Category sub = TestCatalog.category(categories, TestCatalog.unique("Floor lamps"), shelf.getId());

            assertThat(products.getProduct(GetProductRequest.newBuilder().setProductId(added.getId()).build())
                    .await().atMost(WAIT).getProduct().getName()).isEqualTo("Zephyrine floor lamp");
            assertThat(listed(shelf)).containsExactly(before.getId());
            assertThat(searched("zephyrine")).isEmpty();
            assertThat(children(shelf)).isEmpty();

            replica.resumeReplay();

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(listed(shelf)).containsExactlyInAnyOrder(before.getId(), added.getId());
                assertThat(searched("zephyrine")).containsExactly(added.getId());
                assertThat(children(shelf)).containsExactly(sub.getId());
            });
        } finally {
            replica.resumeReplay();
        }
    }

    @Test
    void givenTheStandbyDown_thenQueriesAreUnavailable_whileGetProductAndReadinessStayUp() throws Exception {
        Category shelf = TestCatalog.category(categories, TestCatalog.unique("Rugs"), "");
        Product rug = TestCatalog.createIn(products, TestCatalog.product("Wool rug", 1500, 2), shelf.getId());
        await().atMost(WAIT).until(() -> listed(shelf).contains(rug.getId()));

        replica.stopStandby();
        try {
            Throwable list = catchThrowable(() -> listed(shelf));
            Throwable tree = catchThrowable(() -> children(shelf));

            assertThat(GrpcErrors.code(list)).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(GrpcErrors.code(tree)).isEqualTo(Status.Code.UNAVAILABLE);
            assertThat(products.getProduct(GetProductRequest.newBuilder().setProductId(rug.getId()).build())
                    .await().atMost(WAIT).getProduct().getName()).isEqualTo("Wool rug");
            assertThat(readiness()).isEqualTo(200);
        } finally {
            replica.startStandby();
        }
        await().atMost(WAIT).ignoreExceptions().until(() -> listed(shelf).contains(rug.getId()));
    }

    private static int readiness() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<String> listed(Category shelf) {
        return products.listProducts(ListProductsRequest.newBuilder()
                .setFilter(ProductFilter.newBuilder().setCategoryId(shelf.getId())).build()).await().atMost(WAIT)
                .getProductsList().stream().map(Product::getId).toList();
    }

    private List<String> searched(String text) {
        return products.searchProducts(SearchProductsRequest.newBuilder().setQuery(text).build()).await()
                .atMost(WAIT).getProductsList().stream().map(Product::getId).toList();
    }

    private List<String> children(Category shelf) {
        List<CategoryNode> roots = categories.getCategoryTree(GetCategoryTreeRequest.newBuilder()
                .setRootId(shelf.getId()).build()).await().atMost(WAIT).getRootsList();
        return roots.get(0).getChildrenList().stream().map(node -> node.getCategory().getId()).toList();
    }
}
