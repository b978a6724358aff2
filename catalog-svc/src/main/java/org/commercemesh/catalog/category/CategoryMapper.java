package org.commercemesh.catalog.category;

import org.commercemesh.platform.time.ProtoTime;

/** Category entity → message. */
final class CategoryMapper {

    private CategoryMapper() {
    }

    static org.commercemesh.catalog.v1.Category toProto(Category entity) {
        return org.commercemesh.catalog.v1.Category.newBuilder()
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
