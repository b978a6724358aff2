package org.commercemesh.user.audit;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.audit.v1.AuditRecorded;
import org.commercemesh.platform.events.EventPayloads;
import org.commercemesh.platform.events.ProcessedEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/** Keeps every service's audit entries: AuditRecorded from audit.events, each stored once. */
@ApplicationScoped
public class AuditLogConsumer {

    static final String CONSUMER = "user-svc.audit-log";

    private final ProcessedEvents processedEvents;
    private final AuditRecordRepository records;

    public AuditLogConsumer(ProcessedEvents processedEvents, AuditRecordRepository records) {
        this.processedEvents = processedEvents;
        this.records = records;
    }

    @Incoming("audit-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return processedEvents.handle(CONSUMER, message, Set.of(AuditRecorded.getDescriptor()), this::keep);
    }

    private Uni<Void> keep(IncomingCloudEventMetadata<byte[]> event) {
        AuditRecorded recorded = EventPayloads.parse(event, AuditRecorded.parser());
        return records.persist(AuditEntryMapper.toRecord(recorded.getEntry())).replaceWithVoid();
    }
}
