package org.commercemesh.catalog.category;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.Slugs;
import org.commercemesh.catalog.v1.Category;
import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.error.AlreadyExistsException;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.id.Ids;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The category tree: reads that hide inactive categories from customers, admin changes. */
@ApplicationScoped
public class CategoryService {

    private final CategoryRepository categories;
    private final AuditLog audit;

    public CategoryService(CategoryRepository categories, AuditLog audit) {
        this.categories = categories;
        this.audit = audit;
    }

    @WithSession
    public Uni<CatalogCategory> get(UUID id, boolean admin) {
        return categories.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("category", id))
                .invoke(category -> {
                    if (!category.active && !admin) {
                        throw new NotFoundException("category", id);
                    }
                });
    }

    /** Direct children of {@code parentId} (roots when null), by sort order then name. */
    @WithSession
    public Uni<List<CatalogCategory>> children(UUID parentId, boolean admin, int offset, int limit) {
        return categories.children(parentId, !admin, offset, limit);
    }

    /** The tree as it is now, on the primary: what a change is checked against. */
    @WithSession
    public Uni<CategoryTree> tree() {
        return categories.listAll().map(CategoryTree::new);
    }

    /** The tree for queries (GetCategoryTree, product filters), from the read replica. */
    public Uni<CategoryTree> treeFromReplica() {
        return categories.allOnReplica().map(CategoryTree::new);
    }

    /** How many of {@code ids} name a category. */
    @WithSession
    public Uni<Long> countExisting(List<UUID> ids) {
        return categories.countExisting(ids);
    }

    @WithTransaction
    public Uni<CatalogCategory> create(Category request) {
        UpdateMask everything = new UpdateMask(CategoryRules.UPDATABLE);
        Violations violations = new Violations();
        CategoryRules.validate(request, everything, violations);
        violations.throwIfAny();
        CatalogCategory entity = new CatalogCategory();
        entity.id = Ids.newId();
        CategoryRules.apply(request, everything, entity);
        if (!Slugs.isValid(entity.slug)) {
            throw InvalidArgumentException.of("category.slug", "cannot be derived from the name; give one");
        }
        entity.createdAt = Instant.now();
        entity.updatedAt = entity.createdAt;
        return tree()
                .chain(tree -> {
                    if (entity.parentId != null && !tree.contains(entity.parentId)) {
                        throw new NotFoundException("parent category", entity.parentId);
                    }
                    return requireFreeSlug(entity.slug, entity.id);
                })
                .chain(() -> categories.persist(entity))
                .call(created -> audit.record(new Change("category.create", "category", created.id.toString(), null,
                        CategoryMapper.toProto(created))));
    }

    @WithTransaction
    public Uni<CatalogCategory> update(Category request, UpdateMask mask) {
        UUID id = UUID.fromString(request.getId());
        return categories.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("category", id))
                .chain(found -> update(found, CategoryMapper.toProto(found), request, mask));
    }

    private Uni<CatalogCategory> update(CatalogCategory found, Category before, Category request, UpdateMask mask) {
        return Uni.createFrom().item(found)
                .call(entity -> tree().invoke(tree -> {
                    CategoryRules.apply(request, mask, entity);
                    if (entity.parentId != null && !tree.contains(entity.parentId)) {
                        throw new NotFoundException("parent category", entity.parentId);
                    }
                    if (entity.parentId != null && tree.isSelfOrDescendant(entity.parentId, entity.id)) {
                        throw new FailedPreconditionException("CATEGORY_CYCLE",
                                "a category cannot move under itself or one of its descendants");
                    }
                }))
                .call(entity -> mask.has("slug") || mask.has("name")
                        ? requireFreeSlug(entity.slug, entity.id)
                        : Uni.createFrom().voidItem())
                .invoke(entity -> entity.updatedAt = Instant.now())
                .call(entity -> audit.record(new Change("category.update", "category", entity.id.toString(), before,
                        CategoryMapper.toProto(entity))));
    }

    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return categories.findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("category", id))
                .call(entity -> categories.countChildren(id).invoke(children -> {
                    if (children > 0) {
                        throw new FailedPreconditionException("CATEGORY_NOT_EMPTY", "the category has subcategories");
                    }
                }))
                .call(entity -> categories.countLiveProducts(id).invoke(products -> {
                    if (products > 0) {
                        throw new FailedPreconditionException("CATEGORY_NOT_EMPTY", "the category has products");
                    }
                }))
                .call(entity -> categories.unlinkProducts(id))
                .call(entity -> audit.record(new Change("category.delete", "category", id.toString(),
                        CategoryMapper.toProto(entity), null)))
                .call(categories::delete)
                .replaceWithVoid();
    }

    private Uni<Void> requireFreeSlug(String slug, UUID self) {
        return categories.slugTaken(slug, self).invoke(taken -> {
            if (taken) {
                throw new AlreadyExistsException("a category with slug '" + slug + "' already exists");
            }
        }).replaceWithVoid();
    }
}
