package org.commercemesh.catalog.category;

import java.util.Set;

import org.commercemesh.catalog.Slugs;
import org.commercemesh.catalog.WebUrls;
import org.commercemesh.catalog.v1.Category;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;

/** Validation of category fields and copying them onto the entity. */
final class CategoryRules {

    static final Set<String> UPDATABLE = Set.of("parent_id", "name", "slug", "description", "image_url", "active",
            "sort_order");

    private CategoryRules() {
    }

    static void validate(Category category, UpdateMask mask, Violations violations) {
        if (mask.has("parent_id")) {
            violations.optionalUuid("category.parent_id", category.getParentId());
        }
        if (mask.has("name")) {
            violations.requireText("category.name", category.getName(), 1, 100);
        }
        if (mask.has("slug") && !category.getSlug().isEmpty()) {
            violations.check(Slugs.isValid(category.getSlug()), "category.slug",
                    "must be lower-case letters, digits and single hyphens, at most 120 characters");
        }
        if (mask.has("description")) {
            violations.optionalText("category.description", category.getDescription(), 2000);
        }
        if (mask.has("image_url")) {
            violations.check(category.getImageUrl().isEmpty() || WebUrls.isHttpUrl(category.getImageUrl()),
                    "category.image_url", "must be an absolute http(s) URL");
        }
        if (mask.has("sort_order")) {
            violations.range("category.sort_order", category.getSortOrder(), 0, 10_000);
        }
    }

    static void apply(Category category, UpdateMask mask, CatalogCategory entity) {
        if (mask.has("parent_id")) {
            entity.parentId = category.getParentId().isEmpty()
                    ? null
                    : java.util.UUID.fromString(category.getParentId());
        }
        if (mask.has("name")) {
            entity.name = category.getName().strip();
        }
        if (mask.has("slug")) {
            entity.slug = category.getSlug().isEmpty() ? Slugs.fromName(entity.name) : category.getSlug();
        }
        if (mask.has("description")) {
            entity.description = category.getDescription().strip();
        }
        if (mask.has("image_url")) {
            entity.imageUrl = category.getImageUrl();
        }
        if (mask.has("active")) {
            entity.active = category.getActive();
        }
        if (mask.has("sort_order")) {
            entity.sortOrder = category.getSortOrder();
        }
    }
}
