package org.commercemesh.user.audit;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.audit.v1.ListAuditEntriesRequest;
import org.commercemesh.audit.v1.ListAuditEntriesResponse;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.user.audit.AuditRecordRepository.Filter;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.audit.v1.AuditLogService: admins read the audit log; nothing writes it but the log's consumer. */
@GrpcService
public class AuditLogGrpcService implements org.commercemesh.audit.v1.AuditLogService {

    private final AuditLogService log;

    public AuditLogGrpcService(AuditLogService log) {
        this.log = log;
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<ListAuditEntriesResponse> listAuditEntries(ListAuditEntriesRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations();
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 2, violations);
            violations.optionalText("actor", request.getActor(), 200)
                    .optionalText("action_prefix", request.getActionPrefix(), 100)
                    .optionalText("resource_type", request.getResourceType(), 100)
                    .optionalText("resource_id", request.getResourceId(), 200);
            Instant from = request.hasStartTime() ? ProtoTime.fromProto(request.getStartTime()) : null;
            Instant until = request.hasEndTime() ? ProtoTime.fromProto(request.getEndTime()) : null;
            violations.check(from == null || until == null || from.isBefore(until), "end_time",
                    "must be after start_time");
            violations.throwIfAny();
            return log.list(page, new Filter(request.getActor(), request.getActionPrefix(),
                    request.getResourceType(), request.getResourceId(), from, until))
                    .map(fetched -> toResponse(page, fetched));
        });
    }

    private static ListAuditEntriesResponse toResponse(PageRequest page, List<AuditRecord> fetched) {
        List<AuditRecord> served = page.pageOf(fetched);
        ListAuditEntriesResponse.Builder response = ListAuditEntriesResponse.newBuilder();
        served.forEach(record -> response.addEntries(AuditEntryMapper.toProto(record)));
        if (page.hasMore(fetched)) {
            AuditRecord last = served.get(served.size() - 1);
            response.setNextPageToken(PageRequest.tokenAfter(last.occurredAt.toString(), last.id.toString()));
        }
        return response.build();
    }
}
