package org.commercemesh.catalog.review;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A product review; one live review per user and product. */
@Entity
@Table(name = "review")
public class ProductReview extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(nullable = false)
    public short rating;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String content;

    /** PENDING, APPROVED or REJECTED. */
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public ReviewState status;

    @Column(nullable = false)
    public boolean verified;

    @Column(nullable = false)
    public boolean featured;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
