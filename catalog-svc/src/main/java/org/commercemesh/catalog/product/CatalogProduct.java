package org.commercemesh.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.commercemesh.platform.persistence.TrackedEntity;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A product. Attributes and images are JSONB documents, carried here as their JSON text; the
 * effective price and the search vector are generated columns the database keeps in step.
 */
@Entity
@Table(name = "product")
public class CatalogProduct extends TrackedEntity {

    public String sku;
    public String slug;
    public String name;
    public String shortDescription;
    public String description;

    /** DRAFT, ACTIVE, INACTIVE or ARCHIVED. */
    @Enumerated(EnumType.STRING)
    public ProductState status;
    public BigDecimal price;
    public BigDecimal salePrice;
    public String currency;
    public String brand;

    /**
     * {"colour": "red", "size": ["S", "M"]}. Written through a text cast: a String bound straight
     * to a jsonb parameter would be stored as a JSON string, not parsed.
     */
    @ColumnTransformer(read = "attributes::text", write = "cast(cast(? as text) as jsonb)")
    public String attributes;

    /** [{"url": "...", "alt": "..."}] */
    @ColumnTransformer(read = "images::text", write = "cast(cast(? as text) as jsonb)")
    public String images;
    public int weightGrams;
    /** The packed size; all three or none. */
    public Integer lengthMm;
    public Integer widthMm;
    public Integer heightMm;
    public boolean manageStock;
    public int stockQuantity;
    public boolean featured;
    public BigDecimal averageRating;
    public int reviewCount;
    public Instant deletedAt;
    public BigDecimal effectivePrice() {
        return salePrice != null ? salePrice : price;
    }

    public boolean isActive() {
        return status == ProductState.ACTIVE && deletedAt == null;
    }
}
