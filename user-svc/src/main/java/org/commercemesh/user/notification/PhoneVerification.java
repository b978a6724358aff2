package org.commercemesh.user.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An account's pending phone confirmation; the texted code is stored as a hash. */
@Entity
@Table(name = "phone_verification")
public class PhoneVerification extends PanacheEntityBase {

    @Id
    public UUID userId;
    public String phone;
    public String codeHash;
    public Instant expiresAt;
    public int failedAttempts;
}
