package org.commercemesh.catalog.category;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.persistence.ReadReplica;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Categories, and the product links that hang off them. */
@ApplicationScoped
public class CategoryRepository implements PanacheRepositoryBase<CatalogCategory, UUID> {

    private final ReadReplica replica;

    public CategoryRepository(ReadReplica replica) {
        this.replica = replica;
    }

    /** Every category as the read replica has it (detached): for queries, never to decide a change. */
    public Uni<List<CatalogCategory>> allOnReplica() {
        return replica.list(CatalogCategory.class, "select * from category", Map.of());
    }

    /** Direct children of {@code parentId} (roots when null), by sort order then name. */
    public Uni<List<CatalogCategory>> children(UUID parentId, boolean activeOnly, int offset, int limit) {
        String active = activeOnly ? " and active = true" : "";
        return (parentId == null
                ? find("parentId is null" + active + " order by sortOrder, name, id")
                : find("parentId = ?1" + active + " order by sortOrder, name, id", parentId))
                .range(offset, offset + limit - 1).list();
    }

    public Uni<Boolean> slugTaken(String slug, UUID self) {
        return count("slug = ?1 and id <> ?2", slug, self).map(count -> count > 0);
    }

    public Uni<Long> countChildren(UUID id) {
        return count("parentId", id);
    }

    /** How many of {@code ids} exist. */
    public Uni<Long> countExisting(Collection<UUID> ids) {
        return count("id in ?1", ids);
    }

    public Uni<Long> countLiveProducts(UUID id) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from product_category pc join product p on p.id = pc.product_id "
                        + "where pc.category_id = :id and p.deleted_at is null", Long.class)
                .setParameter("id", id).getSingleResult());
    }

    /** Unlinks every product from the category (deleted products may still point at it). */
    public Uni<Integer> unlinkProducts(UUID id) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("delete from product_category where category_id = :id")
                .setParameter("id", id).executeUpdate());
    }
}
