package org.commercemesh.user.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One audit log entry (table audit_entry); written once, never changed. */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public String actor;
    /** Comma-separated, sorted. */
    public String actorRoles;
    public String action;
    public String resourceType;
    public String resourceId;
    public String service;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "before_state")
    public String before;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "after_state")
    public String after;
    public String requestId;
    public String clientAddress;
    public Instant occurredAt;
}
