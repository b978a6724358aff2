package org.commercemesh.catalog.product;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.v1.ProductCategory;
import org.commercemesh.platform.persistence.ReadReplica;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.data.Numeric;

/**
 * Products (live means not soft-deleted), their category links, and the list and search queries,
 * which read through the read replica.
 */
@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<CatalogProduct, UUID> {

    private final ReadReplica replica;

    public ProductRepository(ReadReplica replica) {
        this.replica = replica;
    }

    /** A row of a list or search: the product and the value it was sorted by. */
    public record Hit(UUID productId, Object sortValue) {
    }

    public Uni<CatalogProduct> findLive(UUID id) {
        return find("id = ?1 and deletedAt is null", id).firstResult();
    }

    public Uni<CatalogProduct> findLiveBySlug(String slug) {
        return find("slug = ?1 and deletedAt is null", slug).firstResult();
    }

    /** Live products by id, in the order asked; ids with no product are left out. */
    public Uni<List<CatalogProduct>> findLive(Collection<UUID> ids) {
        return list("id in ?1 and deletedAt is null", ids).map(found -> {
            Map<UUID, CatalogProduct> byId = new HashMap<>();
            found.forEach(product -> byId.put(product.id, product));
            return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        });
    }

    public Uni<Boolean> skuTaken(String sku, UUID self) {
        return count("sku = ?1 and deletedAt is null and id <> ?2", sku, self).map(count -> count > 0);
    }

    public Uni<Boolean> slugTaken(String slug, UUID self) {
        return count("slug = ?1 and deletedAt is null and id <> ?2", slug, self).map(count -> count > 0);
    }

    /** Units that ACTIVE, unexpired reservations hold, per product (the database function V1 defines). */
    public Uni<Map<UUID, Integer>> reservedFor(Collection<UUID> productIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select id, reserved_quantity(id) from product where id in (:ids)", Object[].class)
                .setParameter("ids", List.copyOf(productIds)).getResultList())
                .map(rows -> {
                    Map<UUID, Integer> reserved = new HashMap<>();
                    rows.forEach(row -> reserved.put((UUID) row[0], ((Number) row[1]).intValue()));
                    return reserved;
                });
    }

    /** Each product's categories, the primary first. */
    public Uni<Map<UUID, List<ProductCategory>>> categoriesOf(List<UUID> productIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select product_id, category_id, is_primary from product_category where product_id in (:ids) "
                        + "order by is_primary desc, category_id",
                Object[].class)
                .setParameter("ids", productIds).getResultList())
                .map(rows -> {
                    Map<UUID, List<ProductCategory>> categories = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        categories.computeIfAbsent((UUID) row[0], key -> new ArrayList<>())
                                .add(ProductCategory.newBuilder().setCategoryId(row[1].toString())
                                        .setPrimary((Boolean) row[2]).build());
                    }
                    return categories;
                });
    }

    public Uni<Void> replaceCategories(UUID productId, List<ProductCategory> categories) {
        return Panache.getSession().chain(session -> {
            Uni<Integer> chain = session.createNativeQuery("delete from product_category where product_id = :id")
                    .setParameter("id", productId).executeUpdate();
            for (ProductCategory category : categories) {
                chain = chain.chain(() -> session.createNativeQuery(
                        "insert into product_category (product_id, category_id, is_primary) values (:p, :c, :primary)")
                        .setParameter("p", productId)
                        .setParameter("c", UUID.fromString(category.getCategoryId()))
                        .setParameter("primary", category.getPrimary())
                        .executeUpdate());
            }
            return chain.replaceWithVoid();
        });
    }

    /**
     * Runs a list or search built by {@link ProductQuery} on the read replica: a product written a
     * moment ago may be missing from it for the replication delay.
     */
    Uni<List<Hit>> run(ProductQuery query) {
        return replica.rows(query.sql(), query.parameters()).map(rows -> rows.stream()
                .map(row -> new Hit(row.getUUID(0), row.size() > 1 ? plain(row.getValue(1)) : null)).toList());
    }

    // The reactive client reads numeric columns as its own Numeric; page tokens want BigDecimal.
    private static Object plain(Object value) {
        return value instanceof Numeric number ? number.bigDecimalValue() : value;
    }
}
