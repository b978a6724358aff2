package org.commercemesh.catalog.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.product.Product;
import org.commercemesh.catalog.v1.CreateReviewRequest;
import org.commercemesh.platform.auth.AuthenticatedCaller;
import org.commercemesh.platform.error.AlreadyExistsException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.id.Ids;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Reviews and the ratings they make: a product's average_rating and review_count are
 * recomputed from its approved, live reviews in the same transaction as every approval,
 * rejection and deletion, so they never drift.
 */
@ApplicationScoped
public class ReviewBook {

    private static final String RECOMPUTE = """
            update product set
              average_rating = coalesce((select round(avg(rating), 2) from review
                                          where product_id = :id and status = :approved and deleted_at is null), 0),
              review_count = (select count(*) from review
                               where product_id = :id and status = :approved and deleted_at is null)
             where id = :id""";

    public Uni<Review> create(UUID userId, CreateReviewRequest request) {
        UUID productId = UUID.fromString(request.getProductId());
        return Panache.withTransaction(() -> Product.<Product>findById(productId)
                .invoke(product -> {
                    if (product == null || !product.isActive()) {
                        throw new NotFoundException("product", productId);
                    }
                })
                .chain(product -> Review.count("productId = ?1 and userId = ?2 and deletedAt is null", productId, userId))
                .invoke(count -> {
                    if (count > 0) {
                        throw new AlreadyExistsException("you have already reviewed this product");
                    }
                })
                .chain(() -> bought(userId, productId))
                .chain(verified -> {
                    Review review = new Review();
                    review.id = Ids.newId();
                    review.productId = productId;
                    review.userId = userId;
                    review.rating = (short) request.getRating();
                    review.title = request.getTitle().strip();
                    review.content = request.getContent().strip();
                    review.status = ReviewState.PENDING;
                    review.verified = verified;
                    review.createdAt = Instant.now();
                    review.updatedAt = review.createdAt;
                    return review.<Review>persist();
                }));
    }

    /** APPROVED reviews for customers, all for admins; featured first when asked, then newest. */
    public Uni<List<Review>> list(UUID productId, boolean admin, boolean featuredFirst, int offset, int limit) {
        String visible = admin ? "" : " and status = ?2";
        String order = (featuredFirst ? "featured desc, " : "") + "createdAt desc, id desc";
        return Panache.withSession(() -> Product.<Product>findById(productId)
                .invoke(product -> {
                    if (product == null || product.deletedAt != null || (!admin && !product.isActive())) {
                        throw new NotFoundException("product", productId);
                    }
                })
                .chain(product -> Review.<Review>find("productId = ?1 and deletedAt is null" + visible + " order by " + order,
                        admin ? new Object[] { productId } : new Object[] { productId, ReviewState.APPROVED })
                        .range(offset, offset + limit - 1).list()));
    }

    public Uni<Review> moderate(UUID reviewId, ReviewState status, boolean featured) {
        return Panache.withTransaction(() -> live(reviewId)
                .invoke(review -> {
                    review.status = status;
                    review.featured = featured;
                    review.updatedAt = Instant.now();
                })
                .call(review -> Panache.flush().chain(() -> recompute(review.productId))));
    }

    /** The author deletes their own review; admins any. Another user's review is NOT_FOUND. */
    public Uni<Void> delete(UUID reviewId, AuthenticatedCaller caller) {
        return Panache.withTransaction(() -> live(reviewId)
                .invoke(review -> {
                    if (!caller.isAdmin() && !review.userId.equals(caller.userId())) {
                        throw new NotFoundException("review", reviewId);
                    }
                    review.deletedAt = Instant.now();
                    review.updatedAt = review.deletedAt;
                })
                .call(review -> Panache.flush().chain(() -> recompute(review.productId)))
                .replaceWithVoid());
    }

    /** Records a delivered purchase and marks the buyer's existing reviews of it verified; call inside a transaction. */
    public Uni<Void> recordPurchase(UUID userId, UUID productId, UUID orderId, Instant deliveredAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                                insert into purchase (user_id, product_id, order_id, delivered_at)
                                values (:user, :product, :order, :at) on conflict do nothing""")
                        .setParameter("user", userId).setParameter("product", productId)
                        .setParameter("order", orderId).setParameter("at", deliveredAt).executeUpdate())
                .chain(() -> Review.update("verified = true where userId = ?1 and productId = ?2 and deletedAt is null",
                        userId, productId))
                .replaceWithVoid();
    }

    private static Uni<Boolean> bought(UUID userId, UUID productId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from purchase where user_id = :user and product_id = :product", Long.class)
                .setParameter("user", userId).setParameter("product", productId).getSingleResult())
                .map(count -> count > 0);
    }

    private static Uni<Review> live(UUID reviewId) {
        return Review.<Review>find("id = ?1 and deletedAt is null", reviewId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("review", reviewId));
    }

    private static Uni<Void> recompute(UUID productId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECOMPUTE)
                .setParameter("id", productId).setParameter("approved", ReviewState.APPROVED.name())
                .executeUpdate()).replaceWithVoid();
    }
}
