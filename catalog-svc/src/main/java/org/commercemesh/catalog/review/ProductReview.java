package org.commercemesh.catalog.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.commercemesh.platform.persistence.TrackedEntity;

/** A product review; one live review per user and product. */
@Entity
@Table(name = "review")
public class ProductReview extends TrackedEntity {

    public UUID productId;
    public UUID userId;
    public short rating;
    public String title;
    public String content;

    /** PENDING, APPROVED or REJECTED. */
    @Enumerated(EnumType.STRING)
    public ReviewState status;
    public boolean verified;
    /** The delivered order that verifies it; set exactly when {@code verified}. */
    public UUID verifiedOrderId;
    public boolean featured;
    public Instant deletedAt;
}
