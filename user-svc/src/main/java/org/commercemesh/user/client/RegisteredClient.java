package org.commercemesh.user.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An API client: one of the mesh's services or a partner's integration (table api_client). */
@Entity
@Table(name = "api_client")
public class RegisteredClient extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false, unique = true)
    public String clientId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClientKind kind;

    /** Space-separated, as in the token's {@code scope} claim. */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "secret_hash", nullable = false)
    public String secretHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "secret_rotated_at", nullable = false)
    public Instant secretRotatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public List<String> scopeList() {
        return scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" "));
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
