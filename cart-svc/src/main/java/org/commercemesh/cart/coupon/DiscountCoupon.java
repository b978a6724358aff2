package org.commercemesh.cart.coupon;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A coupon (table coupon): percent or fixed amount off, with its limits. */
@Entity
@Table(name = "coupon")
public class DiscountCoupon extends PanacheEntityBase {

    /** Upper-case. */
    @Id
    public String code;
    public Integer percentOff;
    public BigDecimal amountOff;
    public String currency;
    public BigDecimal minimumSubtotal;
    public Instant startsAt;
    public Instant endsAt;
    /** 0: no limit. */
    public int maxRedemptions;
    /** 0: no limit. */
    public int maxPerUser;
    public UUID categoryId;
    public boolean active;
    public Instant createdAt;
    public Instant updatedAt;
}
