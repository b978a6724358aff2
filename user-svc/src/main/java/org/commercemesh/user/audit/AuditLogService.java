package org.commercemesh.user.audit;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.user.audit.AuditRecordRepository.Filter;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** Reading the audit log. Nothing here, or anywhere, changes it. */
@ApplicationScoped
public class AuditLogService {

    private final AuditRecordRepository records;

    public AuditLogService(AuditRecordRepository records) {
        this.records = records;
    }

    @WithSession
    public Uni<List<AuditRecord>> list(PageRequest page, Filter filter) {
        return records.page(page, filter);
    }
}
