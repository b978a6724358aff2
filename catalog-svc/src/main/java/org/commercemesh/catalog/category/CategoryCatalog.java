package org.commercemesh.catalog.category;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.Slugs;
import org.commercemesh.platform.error.AlreadyExistsException;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.id.Ids;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The category tree: reads that hide inactive categories from customers, admin changes. */
@ApplicationScoped
public class CategoryCatalog {

    public Uni<Category> get(UUID id, boolean admin) {
        return Panache.withSession(() -> Category.<Category>findById(id))
                .onItem().ifNull().failWith(() -> new NotFoundException("category", id))
                .invoke(category -> {
                    if (!category.active && !admin) {
                        throw new NotFoundException("category", id);
                    }
                });
    }

    /** Direct children of {@code parentId} (roots when null), by sort order then name. */
    public Uni<List<Category>> children(UUID parentId, boolean admin, int offset, int limit) {
        String active = admin ? "" : " and active = true";
        return Panache.withSession(() -> (parentId == null
                ? Category.<Category>find("parentId is null" + active + " order by sortOrder, name, id")
                : Category.<Category>find("parentId = ?1" + active + " order by sortOrder, name, id", parentId))
                .range(offset, offset + limit - 1).list());
    }

    public Uni<CategoryTree> tree() {
        return Panache.withSession(() -> Category.<Category>listAll()).map(CategoryTree::new);
    }

    public Uni<Category> create(org.commercemesh.catalog.v1.Category request) {
        UpdateMask everything = new UpdateMask(CategoryRules.UPDATABLE);
        Violations violations = new Violations();
        CategoryRules.validate(request, everything, violations);
        violations.throwIfAny();
        Category entity = new Category();
        entity.id = Ids.newId();
        CategoryRules.apply(request, everything, entity);
        if (!Slugs.isValid(entity.slug)) {
            throw InvalidArgumentException.of("category.slug", "cannot be derived from the name; give one");
        }
        entity.createdAt = Instant.now();
        entity.updatedAt = entity.createdAt;
        return Panache.withTransaction(() -> tree()
                .chain(tree -> {
                    if (entity.parentId != null && !tree.contains(entity.parentId)) {
                        throw new NotFoundException("parent category", entity.parentId);
                    }
                    return requireFreeSlug(entity.slug, entity.id);
                })
                .chain(() -> entity.<Category>persist()));
    }

    public Uni<Category> update(org.commercemesh.catalog.v1.Category request, UpdateMask mask) {
        UUID id = UUID.fromString(request.getId());
        return Panache.withTransaction(() -> Category.<Category>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("category", id))
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
                .call(entity -> mask.has("slug") || mask.has("name") ? requireFreeSlug(entity.slug, entity.id)
                        : Uni.createFrom().voidItem())
                .invoke(entity -> entity.updatedAt = Instant.now()));
    }

    public Uni<Void> delete(UUID id) {
        return Panache.withTransaction(() -> Category.<Category>findById(id)
                .onItem().ifNull().failWith(() -> new NotFoundException("category", id))
                .call(entity -> Category.count("parentId", id).invoke(children -> {
                    if (children > 0) {
                        throw new FailedPreconditionException("CATEGORY_NOT_EMPTY", "the category has subcategories");
                    }
                }))
                .call(entity -> Panache.getSession().chain(session -> session
                        .createNativeQuery("select count(*) from product_category pc join product p on p.id = pc.product_id "
                                + "where pc.category_id = :id and p.deleted_at is null", Long.class)
                        .setParameter("id", id).getSingleResult()).invoke(products -> {
                            if (products > 0) {
                                throw new FailedPreconditionException("CATEGORY_NOT_EMPTY", "the category has products");
                            }
                        }))
                .call(entity -> Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from product_category where category_id = :id")
                        .setParameter("id", id).executeUpdate()))
                .call(entity -> entity.delete())
                .replaceWithVoid());
    }

    private static Uni<Void> requireFreeSlug(String slug, UUID self) {
        return Category.count("slug = ?1 and id <> ?2", slug, self).invoke(count -> {
            if (count > 0) {
                throw new AlreadyExistsException("a category with slug '" + slug + "' already exists");
            }
        }).replaceWithVoid();
    }
}
