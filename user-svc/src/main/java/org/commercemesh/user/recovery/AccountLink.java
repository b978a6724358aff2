package org.commercemesh.user.recovery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A link sent by e-mail, stored as the SHA-256 of its token. {@code email} is the address it
 * went to: a verification link proves that address only, not one the account changed to since.
 */
@Entity
@Table(name = "account_link")
public class AccountLink extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID userId;
    @Enumerated(EnumType.STRING)
    public LinkPurpose purpose;
    public String tokenHash;
    public String email;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant usedAt;
}
