package org.commercemesh.user.address;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A postal address of a user (table user_address); soft-deleted rows are never read. */
@Entity
@Table(name = "user_address")
public class UserAddress extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    /** The proto AddressType without its prefix: SHIPPING, BILLING, SHIPPING_AND_BILLING, UNSPECIFIED. */
    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public AddressKind type;

    @Column(nullable = false)
    public String label;

    @Column(name = "recipient_name", nullable = false)
    public String recipientName;

    @Column(nullable = false)
    public String phone;

    @Column(nullable = false)
    public String line1;

    @Column(nullable = false)
    public String line2;

    @Column(nullable = false)
    public String city;

    @Column(nullable = false)
    public String region;

    @Column(name = "postal_code", nullable = false)
    public String postalCode;

    @Column(name = "country_code", nullable = false, columnDefinition = "bpchar(2)")
    public String countryCode;

    /** Both null, or both set (a CHECK constraint holds it). */
    public Double latitude;
    public Double longitude;

    @Column(name = "is_default", nullable = false)
    public boolean isDefault;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;
}
