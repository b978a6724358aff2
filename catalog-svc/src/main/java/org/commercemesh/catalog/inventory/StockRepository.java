package org.commercemesh.catalog.inventory;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.product.ProductState;
import org.commercemesh.platform.id.Ids;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Stock as the product rows hold it. Native SQL on purpose: stock changes lock product rows in
 * id order and move quantities in place, without loading whole products.
 */
@ApplicationScoped
public class StockRepository {

    /** A product row as locked for a stock change. */
    public record LockedProduct(int stock, boolean manageStock, ProductState status, boolean live) {

        public boolean sellable() {
            return live && status == ProductState.ACTIVE;
        }
    }

    /** A product's stock figures; available is worked out by the mapper. */
    public record StockFigures(UUID productId, boolean manageStock, int stock, int reserved) {
    }

    /** Locks the products in id order (so concurrent orders cannot deadlock); missing ids are absent. */
    public Uni<Map<UUID, LockedProduct>> lock(Collection<UUID> productIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select id, stock_quantity, manage_stock, status, deleted_at is null
                  from product where id in (:ids) order by id for update""", Object[].class)
                .setParameter("ids", List.copyOf(productIds)).getResultList())
                .map(rows -> {
                    Map<UUID, LockedProduct> locked = new LinkedHashMap<>();
                    rows.forEach(row -> locked.put((UUID) row[0], new LockedProduct(((Number) row[1]).intValue(),
                            (Boolean) row[2], ProductState.valueOf((String) row[3]), (Boolean) row[4])));
                    return locked;
                });
    }

    public Uni<Void> add(UUID productId, int delta) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "update product set stock_quantity = stock_quantity + :d, updated_at = now() where id = :id")
                .setParameter("d", delta).setParameter("id", productId).executeUpdate()).replaceWithVoid();
    }

    public Uni<Void> recordAdjustment(UUID productId, int delta, String reason, String adjustedBy) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into stock_adjustment (id, product_id, delta, reason, adjusted_by, adjusted_at)
                values (:id, :product, :delta, :reason, :by, now())""")
                .setParameter("id", Ids.newId()).setParameter("product", productId)
                .setParameter("delta", delta).setParameter("reason", reason)
                .setParameter("by", adjustedBy).executeUpdate()).replaceWithVoid();
    }

    /** Figures of the live products among {@code productIds}, in the order asked. */
    public Uni<List<StockFigures>> figures(List<UUID> productIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select id, manage_stock, stock_quantity, reserved_quantity(id) from product
                 where id in (:ids) and deleted_at is null""", Object[].class)
                .setParameter("ids", productIds).getResultList())
                .map(rows -> {
                    Map<UUID, StockFigures> byId = new HashMap<>();
                    for (Object[] row : rows) {
                        byId.put((UUID) row[0],
                                new StockFigures((UUID) row[0], (Boolean) row[1], ((Number) row[2]).intValue(),
                                        ((Number) row[3]).intValue()));
                    }
                    return productIds.stream().map(byId::get).filter(Objects::nonNull).toList();
                });
    }
}
