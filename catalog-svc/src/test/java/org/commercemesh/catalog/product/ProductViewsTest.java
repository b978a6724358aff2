package org.commercemesh.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.catalog.TestCatalog.WAIT;

import java.time.Duration;

import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.catalog.v1.ListProductsRequest;
import org.commercemesh.catalog.v1.ProductChanged;
import org.commercemesh.catalog.v1.ProductService;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.testing.vertx.OnVertx;
import org.junit.jupiter.api.Test;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;

/** GetProduct and ListProducts answer from the product views, which the catalog's own change events keep current. */
@QuarkusTest
class ProductViewsTest {

    @GrpcClient("catalog")
    ProductService products;

    @Test
    void givenAProductChangedBehindThisInstance_thenReadsServeTheViewUntilTheChangeEventArrives() {
        // Written straight to the table, as another replica would: no event of this instance's own.
        String id = Ids.newId().toString();
        sql("insert into product (id, sku, slug, name, status, price, currency, created_at, updated_at) "
                + "values (cast(:id as uuid), :id, :id, 'Cached Clock', 'ACTIVE', 500, 'THB', now(), now())", id);
        assertThat(name(id)).isEqualTo("Cached Clock");

        sql("update product set name = 'Renamed Clock' where id = cast(:id as uuid)", id);
        assertThat(name(id)).isEqualTo("Cached Clock");
        assertThat(listed(id)).isEqualTo("Cached Clock");

        TestKafka.publish("catalog.events", id, Ids.newId().toString(),
                ProductChanged.newBuilder().setProductId(id).setName("Renamed Clock").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> name(id).equals("Renamed Clock"));
        assertThat(listed(id)).isEqualTo("Renamed Clock");
    }

    private String name(String id) {
        return products.getProduct(GetProductRequest.newBuilder().setProductId(id).build()).await().atMost(WAIT)
                .getProduct().getName();
    }

    /** The product's name as the newest page of ListProducts shows it. */
    private String listed(String id) {
        return products.listProducts(ListProductsRequest.newBuilder().setPageSize(50).build()).await().atMost(WAIT)
                .getProductsList().stream().filter(product -> product.getId().equals(id)).findFirst().orElseThrow()
                .getName();
    }

    private static void sql(String statement, String id) {
        OnVertx.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(statement).setParameter("id", id).executeUpdate())));
    }
}
