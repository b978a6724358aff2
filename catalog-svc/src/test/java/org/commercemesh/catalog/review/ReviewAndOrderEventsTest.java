package org.commercemesh.catalog.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.catalog.TestCatalog.WAIT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.commercemesh.catalog.TestCatalog;
import org.commercemesh.catalog.v1.CreateReviewRequest;
import org.commercemesh.catalog.v1.DeleteReviewRequest;
import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.catalog.v1.GetStockRequest;
import org.commercemesh.catalog.v1.InventoryService;
import org.commercemesh.catalog.v1.ListReviewsRequest;
import org.commercemesh.catalog.v1.ModerateReviewRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductService;
import org.commercemesh.catalog.v1.ReserveStockRequest;
import org.commercemesh.catalog.v1.Review;
import org.commercemesh.catalog.v1.ReviewService;
import org.commercemesh.catalog.v1.ReviewStatus;
import org.commercemesh.catalog.v1.StockLine;
import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.order.v1.OrderDelivered;
import org.commercemesh.order.v1.OrderEventLine;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.testing.vertx.OnVertx;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class ReviewAndOrderEventsTest {

    @GrpcClient("catalog")
    ProductService products;

    @GrpcClient("catalog")
    ReviewService reviews;

    @GrpcClient("catalog")
    InventoryService inventory;

    @Test
    void givenReviews_whenModeratedAndDeleted_thenTheProductRatingFollows() {
        Product product = TestCatalog.create(products, TestCatalog.product("Rated Router", 2000, 5));
        Review five = review(UUID.randomUUID(), product, 5);
        Review two = review(UUID.randomUUID(), product, 2);
        ReviewService asAdmin = TestTokens.withToken(reviews, TestCatalog.ADMIN_TOKEN);

        moderate(asAdmin, five, ReviewStatus.REVIEW_STATUS_APPROVED, true);
        moderate(asAdmin, two, ReviewStatus.REVIEW_STATUS_APPROVED, false);
        assertThat(rating(product)).isEqualTo(3.5);
        assertThat(get(product).getReviewCount()).isEqualTo(2);

        moderate(asAdmin, two, ReviewStatus.REVIEW_STATUS_REJECTED, false);
        assertThat(rating(product)).isEqualTo(5.0);
        asAdmin.deleteReview(DeleteReviewRequest.newBuilder().setReviewId(five.getId()).build()).await().atMost(WAIT);
        assertThat(rating(product)).isZero();
        assertThat(get(product).getReviewCount()).isZero();
    }

    @Test
    void givenPendingAndFeaturedReviews_whenCustomersList_thenOnlyApprovedShowFeaturedFirst() {
        Product product = TestCatalog.create(products, TestCatalog.product("Listed Lamp", 500, 5));
        Review plain = review(UUID.randomUUID(), product, 4);
        Review featured = review(UUID.randomUUID(), product, 5);
        review(UUID.randomUUID(), product, 1);
        ReviewService asAdmin = TestTokens.withToken(reviews, TestCatalog.ADMIN_TOKEN);
        moderate(asAdmin, featured, ReviewStatus.REVIEW_STATUS_APPROVED, true);
        moderate(asAdmin, plain, ReviewStatus.REVIEW_STATUS_APPROVED, false);

        List<Review> listed = reviews.listReviews(ListReviewsRequest.newBuilder().setProductId(product.getId())
                .setFeaturedFirst(true).build()).await().atMost(WAIT).getReviewsList();

        assertThat(listed).extracting(Review::getId).containsExactly(featured.getId(), plain.getId());
    }

    @Test
    void givenAReviewAlready_whenTheSameUserReviewsAgain_thenAlreadyExists_andOthersCannotDeleteIt() {
        Product product = TestCatalog.create(products, TestCatalog.product("Once Only", 500, 5));
        UUID ann = UUID.randomUUID();
        Review first = review(ann, product, 4);

        Throwable again = catchThrowable(() -> review(ann, product, 5));
        Throwable invalid = catchThrowable(() -> TestTokens.withToken(reviews, TestTokens.customer(ann))
                .createReview(CreateReviewRequest.newBuilder().setProductId(product.getId()).setRating(6)
                        .setTitle("x".repeat(201)).build())
                .await().atMost(WAIT));
        Throwable byBob = catchThrowable(() -> TestTokens.withToken(reviews, TestCatalog.customerToken())
                .deleteReview(DeleteReviewRequest.newBuilder().setReviewId(first.getId()).build()).await()
                .atMost(WAIT));

        assertThat(GrpcErrors.code(again)).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(GrpcErrors.violatedFields(invalid)).containsExactly("rating", "title");
        assertThat(GrpcErrors.code(byBob)).isEqualTo(Status.Code.NOT_FOUND);
        TestTokens.withToken(reviews, TestTokens.customer(ann))
                .deleteReview(DeleteReviewRequest.newBuilder().setReviewId(first.getId()).build()).await().atMost(WAIT);
    }

    @Test
    void givenAnOrderDeliveredEvent_thenTheBuyersReviewIsVerifiedByThatOrder_whichOnlyTheyAndAdminsSee() {
        Product product = TestCatalog.create(products, TestCatalog.product("Bought Blender", 1500, 5));
        UUID buyer = UUID.randomUUID();
        Review before = review(buyer, product, 4);
        assertThat(before.getVerified()).isFalse();
        String first = Ids.newId().toString();

        TestKafka.publish("order.events", "order", Ids.newId().toString(), delivered(first, buyer, product));
        // A later delivery of the same product does not move the review to another order.
        TestKafka.publish("order.events", "order", Ids.newId().toString(),
                delivered(Ids.newId().toString(), buyer, product));

        ReviewService asAdmin = TestTokens.withToken(reviews, TestCatalog.ADMIN_TOKEN);
        await().atMost(Duration.ofSeconds(30)).until(() -> listed(asAdmin, product).getVerified());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> listed(asAdmin, product).getVerifiedOrderId().equals(first));
        moderate(asAdmin, before, ReviewStatus.REVIEW_STATUS_APPROVED, false);
        assertThat(listed(TestTokens.withToken(reviews, TestTokens.customer(buyer)), product).getVerifiedOrderId())
                .isEqualTo(first);
        assertThat(listed(reviews, product).getVerified()).isTrue();
        assertThat(listed(reviews, product).getVerifiedOrderId()).as("an anonymous reader").isEmpty();
    }

    @Test
    void givenADeliveredPurchase_whenTheBuyerReviewsAfterwards_thenTheReviewIsBornVerifiedByIt() {
        Product product = TestCatalog.create(products, TestCatalog.product("Bought Kettle", 1500, 5));
        UUID buyer = UUID.randomUUID();
        String order = Ids.newId().toString();
        TestKafka.publish("order.events", "order", Ids.newId().toString(), delivered(order, buyer, product));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try {
                return VertxContextSupport.<Long>subscribeAndAwait(() -> Panache.withSession(() -> Panache
                        .getSession().chain(session -> session.createNativeQuery(
                                "select count(*) from purchase where order_id = cast(:order as uuid)", Long.class)
                                .setParameter("order", order).getSingleResult()))) == 1;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });

        Review review = review(buyer, product, 5);

        assertThat(review.getVerified()).isTrue();
        assertThat(review.getVerifiedOrderId()).isEqualTo(order);
    }

    private static OrderDelivered delivered(String orderId, UUID buyer, Product product) {
        return OrderDelivered.newBuilder().setOrderId(orderId).setUserId(buyer.toString())
                .addLines(OrderEventLine.newBuilder().setProductId(product.getId()).setQuantity(1))
                .setDeliverTime(ProtoTime.toProto(Instant.now())).build();
    }

    private static Review listed(ReviewService as, Product product) {
        return as.listReviews(ListReviewsRequest.newBuilder().setProductId(product.getId()).build())
                .await().atMost(WAIT).getReviews(0);
    }

    @Test
    void givenOrderConfirmedDeliveredTwice_thenTheReservationIsCommittedOnceAndTheEventRecordedOnce() throws Exception {
        Product product = TestCatalog.create(products, TestCatalog.product("Event Espresso", 900, 10));
        UUID order = Ids.newId();
        TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN).reserveStock(ReserveStockRequest.newBuilder()
                .setOrderId(order.toString())
                .addLines(StockLine.newBuilder().setProductId(product.getId()).setQuantity(4))
                .build()).await().atMost(WAIT);
        String eventId = Ids.newId().toString();
        OrderConfirmed confirmed = OrderConfirmed.newBuilder().setOrderId(order.toString()).build();

        TestKafka.publish("order.events", order.toString(), eventId, confirmed);
        TestKafka.publish("order.events", order.toString(), eventId, confirmed);

        await().atMost(Duration.ofSeconds(30)).until(() -> processedCount(eventId) == 1
                && stock(product).getStockQuantity() == 6);
        assertThat(stock(product).getReservedQuantity()).isZero();
        assertThat(processedCount(eventId)).isEqualTo(1);
    }

    private Review review(UUID userId, Product product, int rating) {
        return TestTokens.withToken(reviews, TestTokens.customer(userId)).createReview(CreateReviewRequest.newBuilder()
                .setProductId(product.getId()).setRating(rating).setTitle("Rated " + rating).build())
                .await().atMost(WAIT).getReview();
    }

    private static void moderate(ReviewService asAdmin, Review review, ReviewStatus status, boolean featured) {
        asAdmin.moderateReview(ModerateReviewRequest.newBuilder().setReviewId(review.getId()).setStatus(status)
                .setFeatured(featured).build()).await().atMost(WAIT);
    }

    private Product get(Product product) {
        return products.getProduct(GetProductRequest.newBuilder().setProductId(product.getId()).build())
                .await().atMost(WAIT).getProduct();
    }

    private double rating(Product product) {
        return get(product).getAverageRating();
    }

    private org.commercemesh.catalog.v1.StockLevel stock(Product product) {
        return TestTokens.withToken(inventory, TestCatalog.SERVICE_TOKEN).getStock(GetStockRequest.newBuilder()
                .addProductIds(product.getId()).build()).await().atMost(WAIT).getLevels(0);
    }

    private static long processedCount(String eventId) {
        return OnVertx.await(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select count(*) from processed_event where event_id = :id", Long.class)
                        .setParameter("id", eventId).getSingleResult())));
    }
}
