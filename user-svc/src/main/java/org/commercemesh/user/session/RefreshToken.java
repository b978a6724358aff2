package org.commercemesh.user.session;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A refresh token, stored as the SHA-256 of the opaque value handed out. Tokens rotated from
 * one login share a family; reusing a rotated token revokes the family.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID userId;
    public UUID familyId;
    public String tokenHash;
    public Instant issuedAt;
    public Instant expiresAt;
    public Instant rotatedAt;
    public Instant revokedAt;
}
