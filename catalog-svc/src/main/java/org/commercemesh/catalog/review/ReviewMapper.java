package org.commercemesh.catalog.review;

import org.commercemesh.catalog.v1.Review;
import org.commercemesh.platform.time.ProtoTime;

/** Reviews to commerce.catalog.v1 messages. */
public final class ReviewMapper {

    private ReviewMapper() {
    }

    /** As its author or an admin sees it: with the order that verifies it. */
    public static Review toProto(ProductReview review) {
        return toProto(review, true);
    }

    /** {@code showOrder}: whether the reader may see which order verified it (its author, admins). */
    public static Review toProto(ProductReview review, boolean showOrder) {
        return Review.newBuilder()
                .setId(review.id.toString())
                .setProductId(review.productId.toString())
                .setUserId(review.userId.toString())
                .setRating(review.rating)
                .setTitle(review.title)
                .setContent(review.content)
                .setStatus(review.status.toProto())
                .setVerified(review.verified)
                .setFeatured(review.featured)
                .setCreateTime(ProtoTime.toProto(review.createdAt))
                .setUpdateTime(ProtoTime.toProto(review.updatedAt))
                .setVerifiedOrderId(
                        showOrder && review.verifiedOrderId != null ? review.verifiedOrderId.toString() : "")
                .build();
    }
}
