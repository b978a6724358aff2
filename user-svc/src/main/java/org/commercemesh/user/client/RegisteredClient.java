package org.commercemesh.user.client;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

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
    public String clientId;
    public String displayName;
    @Enumerated(EnumType.STRING)
    public ClientKind kind;

    /** Space-separated, as in the token's {@code scope} claim. */
    public String scopes;
    public String secretHash;
    public Instant createdAt;
    public Instant secretRotatedAt;
    public Instant revokedAt;
    public List<String> scopeList() {
        return scopes.isEmpty() ? List.of() : Arrays.asList(scopes.split(" "));
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }
}
