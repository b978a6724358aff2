package org.commercemesh.catalog.category;

import org.commercemesh.catalog.v1.Category;
import org.commercemesh.platform.time.ProtoTime;

/** CatalogCategory entity → message. */
final class CategoryMapper {

    private CategoryMapper() {
    }

    static Category toProto(CatalogCategory entity) {
        return Category.newBuilder()
                .setId(entity.id.toString())
                .setParentId(entity.parentId == null ? "" : entity.parentId.toString())
                .setName(entity.name)
                .setSlug(entity.slug)
                .setDescription(entity.description)
                .setImageUrl(entity.imageUrl)
                .setActive(entity.active)
                .setSortOrder(entity.sortOrder)
                .setCreateTime(ProtoTime.toProto(entity.createdAt))
                .setUpdateTime(ProtoTime.toProto(entity.updatedAt))
                .build();
    }
}
