package org.commercemesh.catalog.review;

import java.util.Optional;

import org.commercemesh.catalog.v1.ReviewStatus;
import org.commercemesh.platform.status.ContractEnum;

/**
 * A review's moderation status, stored by name in review.status: new reviews wait PENDING, an
 * admin APPROVES (it counts in the rating) or REJECTS them. The one mapping to and from the
 * contract's {@link ReviewStatus}.
 */
public enum ReviewState implements ContractEnum<ReviewStatus> {
    PENDING(ReviewStatus.REVIEW_STATUS_PENDING),
    APPROVED(ReviewStatus.REVIEW_STATUS_APPROVED),
    REJECTED(ReviewStatus.REVIEW_STATUS_REJECTED);

    private final ReviewStatus proto;

    ReviewState(ReviewStatus proto) {
        this.proto = proto;
    }

    @Override
    public ReviewStatus toProto() {
        return proto;
    }

    public static Optional<ReviewState> of(ReviewStatus status) {
        return ContractEnum.of(ReviewState.class, status);
    }
}
