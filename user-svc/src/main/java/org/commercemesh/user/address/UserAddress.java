package org.commercemesh.user.address;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.commercemesh.platform.persistence.TrackedEntity;

/** A postal address of a user (table user_address); soft-deleted rows are never read. */
@Entity
@Table(name = "user_address")
public class UserAddress extends TrackedEntity {

    public UUID userId;

    /** The proto AddressType without its prefix: SHIPPING, BILLING, HOME, WORK, OTHER, … (AddressKind). */
    @Enumerated(EnumType.STRING)
    public AddressKind type;
    public String label;
    public String recipientName;
    public String phone;
    public String line1;
    public String line2;
    /** For the courier; empty when none (V5). */
    public String deliveryInstructions = "";
    public String city;
    public String region;
    public String postalCode;
    public String countryCode;

    /** Both null, or both set (a CHECK constraint holds it). */
    public Double latitude;
    public Double longitude;
    @Enumerated(EnumType.STRING)
    public LocationOrigin locationSource;
    @Enumerated(EnumType.STRING)
    public LocationAccuracy locationPrecision;
    @Enumerated(EnumType.STRING)
    public GeocodeState geocodeStatus = GeocodeState.NONE;
    public int geocodeAttempts;
    public Instant geocodeAfter;
    public boolean isDefault;
    public Instant deletedAt;
}
