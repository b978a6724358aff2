package org.commercemesh.catalog.review;

import org.commercemesh.catalog.v1.Review;
import org.commercemesh.platform.time.ProtoTime;

/** Reviews to commerce.catalog.v1 messages. */
public final class ReviewMapper {

    private ReviewMapper() {
    }

    public static Review toProto(ProductReview review) {
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
                .build();
    }
}
