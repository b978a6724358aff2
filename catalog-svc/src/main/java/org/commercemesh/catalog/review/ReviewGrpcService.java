package org.commercemesh.catalog.review;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.catalog.v1.CreateReviewRequest;
import org.commercemesh.catalog.v1.CreateReviewResponse;
import org.commercemesh.catalog.v1.DeleteReviewRequest;
import org.commercemesh.catalog.v1.DeleteReviewResponse;
import org.commercemesh.catalog.v1.ListReviewsRequest;
import org.commercemesh.catalog.v1.ListReviewsResponse;
import org.commercemesh.catalog.v1.ModerateReviewRequest;
import org.commercemesh.catalog.v1.ModerateReviewResponse;
import org.commercemesh.catalog.v1.ReviewStatus;
import org.commercemesh.platform.auth.AuthenticatedCaller;
import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.paging.PageRequest;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.catalog.v1.ReviewService. */
@GrpcService
public class ReviewGrpcService implements org.commercemesh.catalog.v1.ReviewService {

    private final ReviewService reviews;
    private final Caller caller;

    public ReviewGrpcService(ReviewService reviews, Caller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<CreateReviewResponse> createReview(CreateReviewRequest request) {
        return caller.current().chain(me -> {
            new Violations().requireUuid("product_id", request.getProductId())
                    .range("rating", request.getRating(), 1, 5)
                    .optionalText("title", request.getTitle(), 200)
                    .optionalText("content", request.getContent(), 5000)
                    .throwIfAny();
            return reviews.create(me.userId(), request);
        }).map(review -> CreateReviewResponse.newBuilder().setReview(ReviewMapper.toProto(review)).build());
    }

    @Override
    @PermitAll
    public Uni<ListReviewsResponse> listReviews(ListReviewsRequest request) {
        return caller.optional().chain(reader -> {
            boolean admin = reader.map(AuthenticatedCaller::isAdmin).orElse(false);
            UUID readerId = reader.filter(AuthenticatedCaller::isUser).map(AuthenticatedCaller::userId).orElse(null);
            Violations violations = new Violations().requireUuid("product_id", request.getProductId());
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 1, violations);
            violations.throwIfAny();
            int offset = page.isFirstPage() ? 0 : page.intAt(0);
            return reviews.list(UUID.fromString(request.getProductId()), admin, request.getFeaturedFirst(), offset,
                    page.size() + 1).map(fetched -> {
                        List<ProductReview> served = page.pageOf(fetched);
                        ListReviewsResponse.Builder response = ListReviewsResponse.newBuilder();
                        served.forEach(review -> response.addReviews(ReviewMapper.toProto(review,
                                admin || review.userId.equals(readerId))));
                        if (page.hasMore(fetched)) {
                            response.setNextPageToken(PageRequest.tokenAfter(String.valueOf(offset + served.size())));
                        }
                        return response.build();
                    });
        });
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<ModerateReviewResponse> moderateReview(ModerateReviewRequest request) {
        return Uni.createFrom().deferred(() -> {
            new Violations().requireUuid("review_id", request.getReviewId())
                    .check(request.getStatus() == ReviewStatus.REVIEW_STATUS_APPROVED
                            || request.getStatus() == ReviewStatus.REVIEW_STATUS_REJECTED, "status",
                            "must be APPROVED or REJECTED")
                    .throwIfAny();
            return reviews.moderate(UUID.fromString(request.getReviewId()),
                    ReviewState.of(request.getStatus()).orElseThrow(), request.getFeatured());
        }).map(review -> ModerateReviewResponse.newBuilder().setReview(ReviewMapper.toProto(review)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<DeleteReviewResponse> deleteReview(DeleteReviewRequest request) {
        return caller.current().chain(me -> {
            new Violations().requireUuid("review_id", request.getReviewId()).throwIfAny();
            return reviews.delete(UUID.fromString(request.getReviewId()), me);
        }).replaceWith(DeleteReviewResponse.getDefaultInstance());
    }
}
