package org.commercemesh.cart.coupon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One order's use of a coupon; the order id makes redeeming it again a no-op. */
@Entity
@Table(name = "coupon_redemption")
public class CouponRedemption extends PanacheEntityBase {

    @Id
    public UUID orderId;
    public String code;
    public UUID userId;
    public BigDecimal discount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public RedemptionState status;
    public Instant createdAt;
    public Instant updatedAt;
}
