package org.commercemesh.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A domain event waiting in the outbox (table from db/platform/V0_1__outbox.sql). */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Publication order: the relay sends rows by ascending seq. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public UUID eventId;
    public String topic;
    public String aggregateId;

    /** Full protobuf message name, sent as {@code ce_type}. */
    public String eventType;
    public byte[] payload;
    public Instant occurredAt;
    public Instant sentAt;

    /** The W3C trace context of the transaction that wrote the event (V0_4), null when untraced. */
    public String traceparent;
    public String tracestate;
}
