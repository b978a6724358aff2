package org.commercemesh.user.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.platform.persistence.LikePattern;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuditRecordRepository implements PanacheRepositoryBase<AuditRecord, UUID> {

    /** What ListAuditEntries filters on; empty strings and null times filter nothing. */
    public record Filter(String actor, String actionPrefix, String resourceType, String resourceId, Instant from,
            Instant until) {
    }

    /** Newest first, keyset on (occurredAt, id); fetches one extra row to tell whether more follow. */
    public Uni<List<AuditRecord>> page(PageRequest page, Filter filter) {
        List<String> where = new ArrayList<>(List.of("1 = 1"));
        Parameters parameters = new Parameters();
        if (!filter.actor().isEmpty()) {
            where.add("actor = :actor");
            parameters.and("actor", filter.actor());
        }
        if (!filter.actionPrefix().isEmpty()) {
            where.add("action like :action" + LikePattern.ESCAPE);
            parameters.and("action", LikePattern.startsWith(filter.actionPrefix()));
        }
        if (!filter.resourceType().isEmpty()) {
            where.add("resourceType = :resourceType");
            parameters.and("resourceType", filter.resourceType());
        }
        if (!filter.resourceId().isEmpty()) {
            where.add("resourceId = :resourceId");
            parameters.and("resourceId", filter.resourceId());
        }
        if (filter.from() != null) {
            where.add("occurredAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.until() != null) {
            where.add("occurredAt < :until");
            parameters.and("until", filter.until());
        }
        if (!page.isFirstPage()) {
            where.add("(occurredAt < :at or (occurredAt = :at and id < :id))");
            parameters.and("at", page.instantAt(0)).and("id", page.uuidAt(1));
        }
        return find(String.join(" and ", where) + " order by occurredAt desc, id desc", parameters)
                .range(0, page.size())
                .list();
    }
}
