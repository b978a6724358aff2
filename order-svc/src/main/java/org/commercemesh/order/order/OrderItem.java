package org.commercemesh.order.order;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A line of an order, snapshotted at checkout. */
@Entity
@Table(name = "order_item")
public class OrderItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    @Column(name = "product_id", nullable = false)
    public UUID productId;

    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public int quantity;

    @Column(name = "unit_price", nullable = false, precision = 19, scale = 4)
    public BigDecimal unitPrice;

    @Column(name = "line_total", nullable = false, precision = 19, scale = 4)
    public BigDecimal lineTotal;
}
