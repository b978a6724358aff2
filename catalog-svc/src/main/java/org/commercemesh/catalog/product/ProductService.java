package org.commercemesh.catalog.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.Slugs;
import org.commercemesh.catalog.category.CategoryService;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductCategory;
import org.commercemesh.catalog.v1.ProductDeleted;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.catalog.v1.ProductSort;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.error.AlreadyExistsException;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.platform.time.ProtoTime;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Products: reads with visibility (customers see ACTIVE ones only), list and search, and admin
 * changes with their ProductChanged/ProductDeleted events.
 */
@ApplicationScoped
public class ProductService {

    /** A page of products and the token of the next one (empty on the last page). */
    public record Page(List<Product> products, String nextPageToken) {
    }

    private final ProductRepository products;
    private final ProductViews views;
    private final CategoryService categories;
    private final OutboxWriter outbox;
    private final AuditLog audit;

    public ProductService(ProductRepository products, ProductViews views, CategoryService categories,
            OutboxWriter outbox, AuditLog audit) {
        this.audit = audit;
        this.products = products;
        this.views = views;
        this.categories = categories;
        this.outbox = outbox;
    }

    /**
     * A live product by id (through the product views) or slug; anything a customer may not see
     * is NOT_FOUND to them.
     */
    public Uni<Product> get(UUID id, String slug, boolean admin) {
        Uni<Product> found = id != null
                ? views.get(id, key -> load(() -> products.findLive(key), key))
                : load(() -> products.findLiveBySlug(slug), slug);
        return found.invoke(product -> {
            if (!admin && product.getStatus() != ProductStatus.PRODUCT_STATUS_ACTIVE) {
                throw new NotFoundException("product", id != null ? id : slug);
            }
        });
    }

    // The view cache calls this outside any session, so it opens its own.
    private Uni<Product> load(Supplier<Uni<CatalogProduct>> lookup, Object key) {
        return Panache.withSession(() -> lookup.get()
                .onItem().ifNull().failWith(() -> new NotFoundException("product", key))
                .chain(this::details)
                .map(ProductMapper::toProto));
    }

    /** Live products of any status by id, in the order asked; ids with no product are left out. */
    @WithSession
    public Uni<List<ProductDetails>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return products.findLive(ids).chain(this::details);
    }

    /** Keyset-paged on (sort value, id). */
    @WithSession
    public Uni<Page> list(ProductFilter filter, ProductSort sort, PageRequest page, boolean admin) {
        return resolve(filter, admin).chain(resolved -> products.run(ProductQuery.list(resolved, sort, page)))
                .chain(hits -> {
                    List<ProductRepository.Hit> served = page.pageOf(hits);
                    String next = page.hasMore(hits)
                            ? PageRequest.tokenAfter(
                                    ProductQuery.cursorText(served.get(served.size() - 1).sortValue()),
                                    served.get(served.size() - 1).productId().toString())
                            : "";
                    return views(served.stream().map(ProductRepository.Hit::productId).toList())
                            .map(found -> new Page(found, next));
                });
    }

    /** Offset-paged: relevance is not a stable key. */
    @WithSession
    public Uni<Page> search(String text, ProductFilter filter, ProductSort sort, PageRequest page, boolean admin) {
        int offset = page.isFirstPage() ? 0 : page.intAt(0);
        return resolve(filter, admin)
                .chain(resolved -> products.run(ProductQuery.search(text, resolved, sort, offset, page.size() + 1)))
                .chain(hits -> {
                    List<ProductRepository.Hit> served = page.pageOf(hits);
                    String next = page.hasMore(hits)
                            ? PageRequest.tokenAfter(String.valueOf(offset + served.size()))
                            : "";
                    return views(served.stream().map(ProductRepository.Hit::productId).toList())
                            .map(found -> new Page(found, next));
                });
    }

    @WithTransaction
    public Uni<ProductDetails> create(Product request) {
        CatalogProduct product = new CatalogProduct();
        product.id = Ids.newId();
        product.status = ProductState.DRAFT;
        product.attributes = "{}";
        product.images = "[]";
        product.averageRating = BigDecimal.ZERO;
        product.createdAt = Instant.now();
        product.updatedAt = product.createdAt;
        apply(request, new UpdateMask(ProductRules.CREATABLE), product);
        product.stockQuantity = request.getStockQuantity();
        if (!Slugs.isValid(product.slug)) {
            throw InvalidArgumentException.of("product.slug", "cannot be derived from the name; give one");
        }
        return requireUnique(product)
                .chain(() -> requireCategories(request.getCategoriesList()))
                .chain(() -> products.persist(product))
                // The category rows reference the product: it must be in the database first.
                .chain(Panache::flush)
                .chain(() -> products.replaceCategories(product.id, request.getCategoriesList()))
                .chain(() -> outbox.append(product.id.toString(), ProductMapper.changed(product, List.of(), true)))
                .chain(() -> details(product))
                .call(created -> audit.record(new Change("product.create", "product", product.id.toString(), null,
                        ProductMapper.toProto(created))));
    }

    @WithTransaction
    public Uni<ProductDetails> update(Product request, UpdateMask mask) {
        UUID id = UUID.fromString(request.getId());
        return products.findLive(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("product", id))
                .chain(product -> details(product).map(ProductMapper::toProto)
                        .chain(before -> update(product, request, mask).call(after -> audit.record(new Change(
                                "product.update", "product", id.toString(), before, ProductMapper.toProto(after))))));
    }

    private Uni<ProductDetails> update(CatalogProduct found, Product request, UpdateMask mask) {
        return Uni.createFrom().item(found)
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
                                .chain(() -> products.replaceCategories(product.id, request.getCategoriesList()))
                        : Uni.createFrom().voidItem())
                .call(product -> outbox.append(product.id.toString(),
                        ProductMapper.changed(product, List.copyOf(mask.paths()), false)))
                .call(product -> views.forget(List.of(product.id)))
                .chain(this::details);
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return products.findLive(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("product", id))
                .call(product -> details(product).chain(before -> audit.record(new Change("product.delete", "product",
                        id.toString(), ProductMapper.toProto(before), null))))
                .call(product -> {
                    product.deletedAt = Instant.now();
                    product.updatedAt = product.deletedAt;
                    return outbox.append(product.id.toString(), ProductDeleted.newBuilder()
                            .setProductId(product.id.toString()).setSku(product.sku)
                            .setDeleteTime(ProtoTime.toProto(product.deletedAt)).build());
                })
                .call(product -> views.forget(List.of(product.id)))
                .replaceWithVoid();
    }

    /** A page's products from the product views; the ones not kept are loaded together. */
    private Uni<List<Product>> views(List<UUID> ids) {
        return views.getAll(ids, missing -> byIds(missing)
                .map(found -> found.stream().map(ProductMapper::toProto).toList()));
    }

    private Uni<ProductDetails> details(CatalogProduct product) {
        return details(List.of(product)).map(found -> found.get(0));
    }

    /** Categories and reserved units for each product, in two queries whatever the count. */
    private Uni<List<ProductDetails>> details(List<CatalogProduct> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = found.stream().map(product -> product.id).toList();
        return products.categoriesOf(ids).chain(links -> products.reservedFor(ids).map(held -> found.stream()
                .map(product -> new ProductDetails(product, links.getOrDefault(product.id, List.of()),
                        held.getOrDefault(product.id, 0)))
                .toList()));
    }

    private Uni<ProductQuery.Filter> resolve(ProductFilter filter, boolean admin) {
        Uni<Set<UUID>> categoryIds = filter.getCategoryId().isEmpty()
                ? Uni.createFrom().item(Set.of())
                : categories.treeFromReplica().map(tree -> {
                    UUID root = UUID.fromString(filter.getCategoryId());
                    // An unknown category matches nothing rather than everything.
                    return tree.contains(root) ? tree.selfAndDescendants(root) : Set.of(Ids.newId());
                });
        return categoryIds.map(ids -> new ProductQuery.Filter(ids,
                filter.hasMinPrice() ? Amount.fromProto(filter.getMinPrice()).value() : null,
                filter.hasMaxPrice() ? Amount.fromProto(filter.getMaxPrice()).value() : null,
                filter.hasMinPrice()
                        ? filter.getMinPrice().getCurrencyCode()
                        : filter.hasMaxPrice() ? filter.getMaxPrice().getCurrencyCode() : null,
                filter.getInStockOnly(),
                Map.copyOf(filter.getAttributesMap()),
                // Customers see ACTIVE products only; admins every status unless they filter.
                admin ? ProductState.of(filter.getStatus()) : Optional.of(ProductState.ACTIVE)));
    }

    private Uni<Void> requireUnique(CatalogProduct product) {
        return products.skuTaken(product.sku, product.id)
                .invoke(taken -> {
                    if (taken) {
                        throw new AlreadyExistsException("a product with SKU '" + product.sku + "' already exists");
                    }
                })
                .chain(() -> products.slugTaken(product.slug, product.id))
                .invoke(taken -> {
                    if (taken) {
                        throw new AlreadyExistsException("a product with slug '" + product.slug + "' already exists");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> requireCategories(List<ProductCategory> wanted) {
        List<UUID> ids = wanted.stream().map(category -> UUID.fromString(category.getCategoryId())).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return categories.countExisting(ids).invoke(found -> {
            if (found != ids.size()) {
                throw new NotFoundException("category", "among " + ids);
            }
        }).replaceWithVoid();
    }

    private static void apply(Product request, UpdateMask mask, CatalogProduct product) {
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
        if (mask.has("dimensions")) {
            boolean given = request.hasDimensions();
            product.lengthMm = given ? request.getDimensions().getLengthMm() : null;
            product.widthMm = given ? request.getDimensions().getWidthMm() : null;
            product.heightMm = given ? request.getDimensions().getHeightMm() : null;
        }
        if (mask.has("manage_stock")) {
            product.manageStock = request.getManageStock();
        }
        if (mask.has("featured")) {
            product.featured = request.getFeatured();
        }
    }
}
