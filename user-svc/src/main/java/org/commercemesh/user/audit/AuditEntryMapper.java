package org.commercemesh.user.audit;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.commercemesh.audit.v1.AuditEntry;
import org.commercemesh.platform.time.ProtoTime;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;

public final class AuditEntryMapper {

    private static final JsonFormat.Printer JSON = JsonFormat.printer().omittingInsignificantWhitespace();

    private AuditEntryMapper() {
    }

    public static AuditRecord toRecord(AuditEntry entry) {
        AuditRecord record = new AuditRecord();
        record.id = UUID.fromString(entry.getId());
        record.actor = entry.getActor();
        record.actorRoles = String.join(",", entry.getActorRolesList());
        record.action = entry.getAction();
        record.resourceType = entry.getResourceType();
        record.resourceId = entry.getResourceId();
        record.service = entry.getService();
        record.before = entry.hasBefore() ? json(entry.getBefore()) : null;
        record.after = entry.hasAfter() ? json(entry.getAfter()) : null;
        record.requestId = entry.getRequestId();
        record.clientAddress = entry.getClientAddress();
        record.occurredAt = ProtoTime.fromProto(entry.getOccurTime());
        return record;
    }

    public static AuditEntry toProto(AuditRecord record) {
        AuditEntry.Builder entry = AuditEntry.newBuilder()
                .setId(record.id.toString())
                .setActor(record.actor)
                .addAllActorRoles(record.actorRoles.isEmpty()
                        ? List.of()
                        : Arrays.asList(record.actorRoles.split(",")))
                .setAction(record.action)
                .setResourceType(record.resourceType)
                .setResourceId(record.resourceId)
                .setService(record.service)
                .setRequestId(record.requestId)
                .setClientAddress(record.clientAddress)
                .setOccurTime(ProtoTime.toProto(record.occurredAt));
        if (record.before != null) {
            entry.setBefore(struct(record.before));
        }
        if (record.after != null) {
            entry.setAfter(struct(record.after));
        }
        return entry.build();
    }

    private static String json(Struct struct) {
        try {
            return JSON.print(struct);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a Struct always prints as JSON", e);
        }
    }

    private static Struct struct(String json) {
        try {
            Struct.Builder struct = Struct.newBuilder();
            JsonFormat.parser().merge(json, struct);
            return struct.build();
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("audit_entry holds the JSON of a Struct", e);
        }
    }
}
