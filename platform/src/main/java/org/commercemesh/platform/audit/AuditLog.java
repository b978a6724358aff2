package org.commercemesh.platform.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.audit.v1.AuditEntry;
import org.commercemesh.audit.v1.AuditRecorded;
import org.commercemesh.platform.auth.AuthenticatedCaller;
import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.grpc.CallOrigin;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.commercemesh.platform.time.ProtoTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.util.JsonFormat;

import io.smallrye.mutiny.Uni;

/**
 * Records admin actions and security events (design: audit log). The entry goes through the
 * outbox to {@code audit.events} inside the transaction of the action itself: an action that
 * commits is always audited, one that rolls back never is. user-svc keeps the log.
 */
@ApplicationScoped
public class AuditLog {

    public static final String TOPIC = "audit.events";
    /** The actor of what the mesh does on its own. */
    public static final String SYSTEM = "system";

    private static final JsonFormat.Printer JSON = JsonFormat.printer().preservingProtoFieldNames();

    private final OutboxWriter outbox;
    private final Caller caller;
    private final String service;

    public AuditLog(OutboxWriter outbox, Caller caller,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.outbox = outbox;
        this.caller = caller;
        this.service = service;
    }

    /** What was acted on, and its state around the action (null before a creation, after a deletion). */
    public record Change(String action, String resourceType, String resourceId, Message before, Message after) {
    }

    /** Records a change made by the current caller; call inside the change's transaction. */
    public Uni<Void> record(Change change) {
        return caller.optional().chain(who -> write(who.map(AuthenticatedCaller::subject).orElse(SYSTEM),
                who.map(known -> List.copyOf(known.roles())).orElse(List.of()), change));
    }

    /** Records what the mesh did on its own or a security event with no signed-in actor. */
    public Uni<Void> recordSystem(Change change) {
        return write(SYSTEM, List.of(), change);
    }

    /** Records a security event about a known actor who is not signed in (a locked-out account). */
    public Uni<Void> recordFor(String actor, Change change) {
        return write(actor, List.of(), change);
    }

    private Uni<Void> write(String actor, List<String> roles, Change change) {
        CallOrigin.Origin origin = CallOrigin.current();
        AuditEntry.Builder entry = AuditEntry.newBuilder()
                .setId(Ids.newId().toString())
                .setActor(actor)
                .addAllActorRoles(roles.stream().sorted().toList())
                .setAction(change.action())
                .setResourceType(change.resourceType())
                .setResourceId(change.resourceId())
                .setService(service)
                .setRequestId(origin.requestId())
                .setClientAddress(origin.clientAddress())
                .setOccurTime(ProtoTime.toProto(Instant.now().truncatedTo(ChronoUnit.MICROS)));
        snapshot(change.before()).ifPresent(entry::setBefore);
        snapshot(change.after()).ifPresent(entry::setAfter);
        return outbox.appendTo(TOPIC, change.resourceId(), AuditRecorded.newBuilder().setEntry(entry).build())
                .replaceWithVoid();
    }

    private static Optional<Struct> snapshot(Message state) {
        if (state == null) {
            return Optional.empty();
        }
        try {
            Struct.Builder struct = Struct.newBuilder();
            JsonFormat.parser().merge(JSON.print(state), struct);
            return Optional.of(struct.build());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a protobuf message always prints as JSON", e);
        }
    }
}
