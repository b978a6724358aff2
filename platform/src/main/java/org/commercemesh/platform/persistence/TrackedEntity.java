package org.commercemesh.platform.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An entity with a UUID key (made by {@code Ids.newId()}) and the times it was created and last
 * changed. Columns map by name, camelCase to snake_case; the Flyway migrations own the schema,
 * so entities carry no DDL.
 */
@MappedSuperclass
public abstract class TrackedEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public Instant createdAt;
    public Instant updatedAt;
}
