package org.commercemesh.catalog.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.NotFoundException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Reviews (live means not soft-deleted), the purchases that verify them and the ratings they make. */
@ApplicationScoped
public class ReviewRepository implements PanacheRepositoryBase<ProductReview, UUID> {

    private static final String RECOMPUTE = """
            update product set
              average_rating = coalesce((select round(avg(rating), 2) from review
                                          where product_id = :id and status = :approved and deleted_at is null), 0),
              review_count = (select count(*) from review
                               where product_id = :id and status = :approved and deleted_at is null)
             where id = :id""";

    public Uni<ProductReview> getLive(UUID reviewId) {
        return find("id = ?1 and deletedAt is null", reviewId).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("review", reviewId));
    }

    public Uni<Boolean> hasReviewed(UUID userId, UUID productId) {
        return count("productId = ?1 and userId = ?2 and deletedAt is null", productId, userId).map(count -> count > 0);
    }

    /** Live reviews of a product, APPROVED only unless {@code everyStatus}; featured first when asked, then newest. */
    public Uni<List<ProductReview>> page(UUID productId, boolean everyStatus, boolean featuredFirst, int offset,
            int limit) {
        String visible = everyStatus ? "" : " and status = ?2";
        String order = (featuredFirst ? "featured desc, " : "") + "createdAt desc, id desc";
        return find("productId = ?1 and deletedAt is null" + visible + " order by " + order,
                everyStatus ? new Object[]{ productId } : new Object[]{ productId, ReviewState.APPROVED })
                .range(offset, offset + limit - 1).list();
    }

    /** The product's average rating and review count, from its approved, live reviews. */
    public Uni<Void> recomputeRatings(UUID productId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECOMPUTE)
                .setParameter("id", productId).setParameter("approved", ReviewState.APPROVED.name())
                .executeUpdate()).replaceWithVoid();
    }

    /** The user's earliest delivered order of the product, or null when they never received it. */
    public Uni<UUID> firstPurchase(UUID userId, UUID productId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select order_id from purchase where user_id = :user and product_id = :product "
                        + "order by delivered_at, order_id limit 1",
                UUID.class)
                .setParameter("user", userId).setParameter("product", productId).getResultList())
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /**
     * Records a delivered purchase (once) and marks the buyer's unverified reviews of the product
     * verified by this order; a review already verified keeps its order.
     */
    public Uni<Void> recordPurchase(UUID userId, UUID productId, UUID orderId, Instant deliveredAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into purchase (user_id, product_id, order_id, delivered_at)
                values (:user, :product, :order, :at) on conflict do nothing""")
                .setParameter("user", userId).setParameter("product", productId)
                .setParameter("order", orderId).setParameter("at", deliveredAt).executeUpdate())
                .chain(() -> update("verified = true, verifiedOrderId = ?3 where userId = ?1 and productId = ?2 "
                        + "and deletedAt is null and verifiedOrderId is null", userId, productId, orderId))
                .replaceWithVoid();
    }
}
