package org.commercemesh.cart.shopping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A cart line; its price is the snapshot taken when the product was first added. */
@Entity
@Table(name = "cart_item")
public class CartLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cart_id", nullable = false)
    public UUID cartId;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public String name;

    @Column(name = "image_url", nullable = false)
    public String imageUrl;

    /** Canonical options, see {@link CartOptions}. */
    @Column(nullable = false)
    public String options;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    public BigDecimal unitPrice;

    @Column(nullable = false, columnDefinition = "bpchar(3)")
    public String currency;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
