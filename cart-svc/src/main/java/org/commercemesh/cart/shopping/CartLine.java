package org.commercemesh.cart.shopping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

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
    public UUID cartId;
    public UUID productId;
    public String sku;
    public String name;
    public String imageUrl;

    /** Canonical options, see {@link CartOptions}. */
    public String options;
    public int quantity;
    public BigDecimal unitPrice;
    public String currency;
    public Instant addedAt;
    public Instant updatedAt;
}
