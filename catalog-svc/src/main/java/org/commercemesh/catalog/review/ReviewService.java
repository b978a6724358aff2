package org.commercemesh.catalog.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.product.ProductRepository;
import org.commercemesh.catalog.product.ProductViews;
import org.commercemesh.catalog.v1.CreateReviewRequest;
import org.commercemesh.catalog.v1.Review;
import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.auth.AuthenticatedCaller;
import org.commercemesh.platform.error.AlreadyExistsException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.id.Ids;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Reviews and the ratings they make: a product's average_rating and review_count are
 * recomputed from its approved, live reviews in the same transaction as every approval,
 * rejection and deletion, so they never drift.
 */
@ApplicationScoped
public class ReviewService {

    private final ReviewRepository reviews;
    private final ProductRepository products;
    private final ProductViews views;
    private final AuditLog audit;

    public ReviewService(ReviewRepository reviews, ProductRepository products, ProductViews views, AuditLog audit) {
        this.audit = audit;
        this.reviews = reviews;
        this.products = products;
        this.views = views;
    }

    @WithTransaction
    public Uni<ProductReview> create(UUID userId, CreateReviewRequest request) {
        UUID productId = UUID.fromString(request.getProductId());
        return products.findById(productId)
                .invoke(product -> {
                    if (product == null || !product.isActive()) {
                        throw new NotFoundException("product", productId);
                    }
                })
                .chain(product -> reviews.hasReviewed(userId, productId))
                .invoke(reviewed -> {
                    if (reviewed) {
                        throw new AlreadyExistsException("you have already reviewed this product");
                    }
                })
                .chain(() -> reviews.firstPurchase(userId, productId))
                .chain(order -> {
                    ProductReview review = new ProductReview();
                    review.id = Ids.newId();
                    review.productId = productId;
                    review.userId = userId;
                    review.rating = (short) request.getRating();
                    review.title = request.getTitle().strip();
                    review.content = request.getContent().strip();
                    review.status = ReviewState.PENDING;
                    review.verified = order != null;
                    review.verifiedOrderId = order;
                    review.createdAt = Instant.now();
                    review.updatedAt = review.createdAt;
                    return reviews.persist(review);
                });
    }

    /** APPROVED reviews for customers, all for admins; featured first when asked, then newest. */
    @WithSession
    public Uni<List<ProductReview>> list(UUID productId, boolean admin, boolean featuredFirst, int offset, int limit) {
        return products.findById(productId)
                .invoke(product -> {
                    if (product == null || product.deletedAt != null || (!admin && !product.isActive())) {
                        throw new NotFoundException("product", productId);
                    }
                })
                .chain(product -> reviews.page(productId, admin, featuredFirst, offset, limit));
    }

    @WithTransaction
    public Uni<ProductReview> moderate(UUID reviewId, ReviewState status, boolean featured) {
        return reviews.getLive(reviewId)
                .call(review -> {
                    Review before = ReviewMapper.toProto(review);
                    review.status = status;
                    review.featured = featured;
                    review.updatedAt = Instant.now();
                    return audit.record(new Change("review.moderate", "review", reviewId.toString(), before,
                            ReviewMapper.toProto(review)));
                })
                .call(review -> Panache.flush().chain(() -> reviews.recomputeRatings(review.productId))
                        .chain(() -> views.forget(List.of(review.productId))));
    }

    /** The author deletes their own review; admins any. Another user's review is NOT_FOUND. */
    @WithTransaction
    public Uni<Void> delete(UUID reviewId, AuthenticatedCaller caller) {
        return reviews.getLive(reviewId)
                .call(review -> {
                    if (!caller.isAdmin() && !review.userId.equals(caller.userId())) {
                        throw new NotFoundException("review", reviewId);
                    }
                    Review before = ReviewMapper.toProto(review);
                    review.deletedAt = Instant.now();
                    review.updatedAt = review.deletedAt;
                    // An author removing their own review is no admin action.
                    return review.userId.equals(caller.userId())
                            ? Uni.createFrom().voidItem()
                            : audit.record(new Change("review.delete", "review", reviewId.toString(), before, null));
                })
                .call(review -> Panache.flush().chain(() -> reviews.recomputeRatings(review.productId))
                        .chain(() -> views.forget(List.of(review.productId))))
                .replaceWithVoid();
    }

    /** Records a delivered purchase and marks the buyer's existing reviews of it verified; joins the caller's transaction. */
    @WithTransaction
    public Uni<Void> recordPurchase(UUID userId, UUID productId, UUID orderId, Instant deliveredAt) {
        return reviews.recordPurchase(userId, productId, orderId, deliveredAt);
    }
}
