package org.commercemesh.order.shipping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A rate quoted to a buyer for one of their addresses: what PlaceOrder charges for shipping
 * when given its id, and what the provider needs to ship it ({@code reference}, the parcel).
 */
@Entity
@Table(name = "shipping_quote")
public class ShippingQuote extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID userId;
    public UUID addressId;
    /** The address as quoted (an AddressSnapshot's JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String destination;
    public String provider;
    public String reference;
    public String carrier;
    public String service;
    public BigDecimal amount;
    public String currency;
    public int estimatedDays;
    public int weightGrams;
    public long volumeCubicMm;
    public Instant createdAt;
    public Instant expiresAt;

    public Parcel parcel() {
        return new Parcel(weightGrams, volumeCubicMm);
    }
}
