package org.commercemesh.catalog.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.Slugs;
import org.commercemesh.catalog.v1.ProductCategory;
import org.commercemesh.catalog.v1.ProductChanged;
import org.commercemesh.catalog.v1.ProductDeleted;
import org.commercemesh.platform.error.AlreadyExistsException;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.commercemesh.platform.time.ProtoTime;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Products: admin changes (with ProductChanged/ProductDeleted events) and reads with visibility. */
@ApplicationScoped
public class ProductCatalog {

    private final OutboxWriter outbox;

    public ProductCatalog(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** A live product; customers see ACTIVE ones only, everything else is NOT_FOUND to them. */
    public Uni<ProductView> get(UUID id, String slug, boolean admin) {
        return Panache.withSession(() -> (id != null
                        ? Product.<Product>find("id = ?1 and deletedAt is null", id)
                        : Product.<Product>find("slug = ?1 and deletedAt is null", slug)).firstResult()
                .invoke(product -> {
                    if (product == null || (!admin && !product.isActive())) {
                        throw new NotFoundException("product", id != null ? id : slug);
                    }
                })
                .chain(product -> views(List.of(product))).map(views -> views.get(0)));
    }

    /** Live products of any status by id, in the order asked; ids with no product are left out. */
    public Uni<List<ProductView>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> Product.<Product>list("id in ?1 and deletedAt is null", ids)
                .chain(found -> {
                    Map<UUID, Product> byId = new HashMap<>();
                    found.forEach(product -> byId.put(product.id, product));
                    return views(ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
                }));
    }

    public Uni<ProductView> create(org.commercemesh.catalog.v1.Product request) {
        Product product = new Product();
        product.id = Ids.newId();
        product.status = ProductState.DRAFT;
        product.attributes = "{}";
        product.images = "[]";
        product.averageRating = java.math.BigDecimal.ZERO;
        product.createdAt = Instant.now();
        product.updatedAt = product.createdAt;
        apply(request, new UpdateMask(ProductRules.CREATABLE), product);
        product.stockQuantity = request.getStockQuantity();
        if (!Slugs.isValid(product.slug)) {
            throw InvalidArgumentException.of("product.slug", "cannot be derived from the name; give one");
        }
        return Panache.withTransaction(() -> requireUnique(product)
                .chain(() -> requireCategories(request.getCategoriesList()))
                .chain(() -> product.<Product>persist())
                // The category rows reference the product: it must be in the database first.
                .chain(Panache::flush)
                .chain(() -> replaceCategories(product.id, request.getCategoriesList()))
                .chain(() -> outbox.append(product.id.toString(), changed(product, List.of(), true)))
                .chain(() -> views(List.of(product))).map(views -> views.get(0)));
    }

    public Uni<ProductView> update(org.commercemesh.catalog.v1.Product request, UpdateMask mask) {
        UUID id = UUID.fromString(request.getId());
        return Panache.withTransaction(() -> Product.<Product>find("id = ?1 and deletedAt is null", id).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("product", id))
                .call(product -> {
                    ProductState from = product.status;
                    apply(request, mask, product);
                    if (!from.canMoveTo(product.status)) {
                        throw new FailedPreconditionException("INVALID_STATUS_TRANSITION",
                                "a product cannot go from " + from + " to " + product.status);
                    }
                    if (product.salePrice != null && product.salePrice.compareTo(product.price) >= 0) {
                        throw InvalidArgumentException.of("product.sale_price", "must be below the price");
                    }
                    product.updatedAt = Instant.now();
                    return requireUnique(product);
                })
                .call(product -> mask.has("categories")
                        ? requireCategories(request.getCategoriesList())
                                .chain(() -> replaceCategories(product.id, request.getCategoriesList()))
                        : Uni.createFrom().voidItem())
                .call(product -> outbox.append(product.id.toString(), changed(product, List.copyOf(mask.paths()), false)))
                .chain(product -> views(List.of(product))).map(views -> views.get(0)));
    }

    public Uni<Void> delete(UUID id) {
        return Panache.withTransaction(() -> Product.<Product>find("id = ?1 and deletedAt is null", id).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("product", id))
                .call(product -> {
                    product.deletedAt = Instant.now();
                    product.updatedAt = product.deletedAt;
                    return outbox.append(product.id.toString(), ProductDeleted.newBuilder()
                            .setProductId(product.id.toString()).setSku(product.sku)
                            .setDeleteTime(ProtoTime.toProto(product.deletedAt)).build());
                })
                .replaceWithVoid());
    }

    /** Categories and reserved units for each product, in two queries whatever the count. */
    Uni<List<ProductView>> views(List<Product> products) {
        if (products.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = products.stream().map(product -> product.id).toList();
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select product_id, category_id, is_primary from product_category where product_id in (:ids) "
                                + "order by is_primary desc, category_id", Object[].class)
                .setParameter("ids", ids).getResultList()
                .chain(categoryRows -> session.createNativeQuery(
                                "select id, reserved_quantity(id) from product where id in (:ids)", Object[].class)
                        .setParameter("ids", ids).getResultList()
                        .map(reservedRows -> {
                            Map<UUID, List<ProductCategory>> categories = new LinkedHashMap<>();
                            for (Object[] row : categoryRows) {
                                categories.computeIfAbsent((UUID) row[0], key -> new ArrayList<>())
                                        .add(ProductCategory.newBuilder().setCategoryId(row[1].toString())
                                                .setPrimary((Boolean) row[2]).build());
                            }
                            Map<UUID, Integer> reserved = new HashMap<>();
                            reservedRows.forEach(row -> reserved.put((UUID) row[0], ((Number) row[1]).intValue()));
                            return products.stream().map(product -> new ProductView(product,
                                    categories.getOrDefault(product.id, List.of()),
                                    reserved.getOrDefault(product.id, 0))).toList();
                        })));
    }

    private static void apply(org.commercemesh.catalog.v1.Product request, UpdateMask mask, Product product) {
        if (mask.has("sku")) {
            product.sku = request.getSku();
        }
        if (mask.has("name")) {
            product.name = request.getName().strip();
        }
        if (mask.has("slug")) {
            product.slug = request.getSlug().isEmpty() ? Slugs.fromName(product.name) : request.getSlug();
        }
        if (mask.has("short_description")) {
            product.shortDescription = request.getShortDescription().strip();
        }
        if (mask.has("description")) {
            product.description = request.getDescription().strip();
        }
        if (mask.has("status")) {
            ProductState.of(request.getStatus()).ifPresent(state -> product.status = state);
        }
        if (mask.has("price")) {
            Amount price = Amount.fromProto(request.getPrice());
            product.price = price.value();
            product.currency = price.currency();
        }
        if (mask.has("sale_price")) {
            product.salePrice = request.hasSalePrice() ? Amount.fromProto(request.getSalePrice()).value() : null;
        }
        if (mask.has("brand")) {
            product.brand = request.getBrand().strip();
        }
        if (mask.has("attributes")) {
            product.attributes = ProductDocuments.attributesJson(request.getAttributesMap());
        }
        if (mask.has("images")) {
            product.images = ProductDocuments.imagesJson(request.getImagesList());
        }
        if (mask.has("weight_grams")) {
            product.weightGrams = request.getWeightGrams();
        }
        if (mask.has("manage_stock")) {
            product.manageStock = request.getManageStock();
        }
        if (mask.has("featured")) {
            product.featured = request.getFeatured();
        }
    }

    private static Uni<Void> requireUnique(Product product) {
        return Product.count("sku = ?1 and deletedAt is null and id <> ?2", product.sku, product.id)
                .invoke(count -> {
                    if (count > 0) {
                        throw new AlreadyExistsException("a product with SKU '" + product.sku + "' already exists");
                    }
                })
                .chain(() -> Product.count("slug = ?1 and deletedAt is null and id <> ?2", product.slug, product.id))
                .invoke(count -> {
                    if (count > 0) {
                        throw new AlreadyExistsException("a product with slug '" + product.slug + "' already exists");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<Void> requireCategories(List<ProductCategory> categories) {
        List<UUID> ids = categories.stream().map(category -> UUID.fromString(category.getCategoryId())).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return org.commercemesh.catalog.category.Category.count("id in ?1", ids).invoke(found -> {
            if (found != ids.size()) {
                throw new NotFoundException("category", "among " + ids);
            }
        }).replaceWithVoid();
    }

    private static Uni<Void> replaceCategories(UUID productId, List<ProductCategory> categories) {
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

    private static ProductChanged changed(Product product, List<String> fields, boolean created) {
        ProductChanged.Builder event = ProductChanged.newBuilder()
                .setProductId(product.id.toString())
                .setSku(product.sku)
                .setName(product.name)
                .setStatus(product.status.toProto())
                .setPrice(new Amount(product.price, product.currency).toProto())
                .addAllChangedFields(fields)
                .setCreated(created)
                .setChangeTime(ProtoTime.toProto(product.updatedAt));
        if (product.salePrice != null) {
            event.setSalePrice(new Amount(product.salePrice, product.currency).toProto());
        }
        return event.build();
    }
}
