package org.commercemesh.user.client;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** API clients, found by their public client id. */
@ApplicationScoped
public class ApiClientRepository implements PanacheRepositoryBase<RegisteredClient, UUID> {

    /** The client, or null. */
    public Uni<RegisteredClient> findByClientId(String clientId) {
        return find("clientId", clientId).firstResult();
    }

    public Uni<RegisteredClient> getByClientId(String clientId) {
        return findByClientId(clientId).onItem().ifNull().failWith(() -> new NotFoundException("api client", clientId));
    }

    /** Newest first, keyset on (createdAt, id). */
    public Uni<List<RegisteredClient>> page(PageRequest page) {
        return (page.isFirstPage()
                ? find("order by createdAt desc, id desc")
                : find("createdAt < ?1 or (createdAt = ?1 and id < ?2) order by createdAt desc, id desc",
                        page.instantAt(0), page.uuidAt(1)))
                .range(0, page.size()).list();
    }
}
