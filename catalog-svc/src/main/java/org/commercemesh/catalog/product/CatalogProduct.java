package org.commercemesh.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.ColumnTransformer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A product. Attributes and images are JSONB documents, carried here as their JSON text; the
 * effective price and the search vector are generated columns the database keeps in step.
 */
@Entity
@Table(name = "product")
public class CatalogProduct extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(name = "short_description", nullable = false)
    public String shortDescription;

    @Column(nullable = false)
    public String description;

    /** DRAFT, ACTIVE, INACTIVE or ARCHIVED. */
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public ProductState status;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal price;

    @Column(name = "sale_price", precision = 19, scale = 4)
    public BigDecimal salePrice;

    @Column(nullable = false, columnDefinition = "bpchar(3)")
    public String currency;

    @Column(nullable = false)
    public String brand;

    /**
     * {"colour": "red", "size": ["S", "M"]}. Written through a text cast: a String bound straight
     * to a jsonb parameter would be stored as a JSON string, not parsed.
     */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(read = "attributes::text", write = "cast(cast(? as text) as jsonb)")
    public String attributes;

    /** [{"url": "...", "alt": "..."}] */
    @Column(nullable = false, columnDefinition = "jsonb")
    @ColumnTransformer(read = "images::text", write = "cast(cast(? as text) as jsonb)")
    public String images;

    @Column(name = "weight_grams", nullable = false)
    public int weightGrams;

    @Column(name = "manage_stock", nullable = false)
    public boolean manageStock;

    @Column(name = "stock_quantity", nullable = false)
    public int stockQuantity;

    @Column(nullable = false)
    public boolean featured;

    @Column(name = "average_rating", nullable = false, precision = 3, scale = 2)
    public BigDecimal averageRating;

    @Column(name = "review_count", nullable = false)
    public int reviewCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public BigDecimal effectivePrice() {
        return salePrice != null ? salePrice : price;
    }

    public boolean isActive() {
        return status == ProductState.ACTIVE && deletedAt == null;
    }
}
