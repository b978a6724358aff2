package org.commercemesh.testing.audit;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commercemesh.audit.v1.AuditEntry;
import org.commercemesh.audit.v1.AuditRecorded;
import org.commercemesh.testing.kafka.TestKafka;

import com.google.protobuf.InvalidProtocolBufferException;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

/** The audit entries a service published on {@code audit.events}, read as the audit log's keeper reads them. */
public final class AuditTrail {

    private static final String TOPIC = "audit.events";

    private AuditTrail() {
    }

    /**
     * The entries about {@code resourceId} (the record key), oldest first, once {@code count} have
     * arrived or 30 seconds have passed.
     */
    public static List<AuditEntry> about(String resourceId, int count) {
        return until(entries -> entries.stream().filter(entry -> resourceId.equals(entry.getResourceId()))
                .count() >= count).stream().filter(entry -> resourceId.equals(entry.getResourceId())).toList();
    }

    /** Every entry read, in arrival order, once {@code enough} holds for them or 30 seconds have passed. */
    public static List<AuditEntry> until(Predicate<List<AuditEntry>> enough) {
        ConsumerTask<String, byte[]> task = TestKafka.readFromStart(TOPIC);
        try {
            TestKafka.recordsUntil(task, record -> enough.test(entries(task.getRecords())), Duration.ofSeconds(30));
            return entries(task.getRecords());
        } finally {
            task.stop();
        }
    }

    private static List<AuditEntry> entries(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(AuditTrail::entry).toList();
    }

    private static AuditEntry entry(ConsumerRecord<String, byte[]> record) {
        try {
            return AuditRecorded.parseFrom(record.value()).getEntry();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("not an AuditRecorded on " + TOPIC + ": " + record, e);
        }
    }
}
