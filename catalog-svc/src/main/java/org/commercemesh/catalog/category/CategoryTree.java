package org.commercemesh.catalog.category;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.commercemesh.catalog.v1.CategoryNode;

/**
 * The category tree in memory. A shop has hundreds of categories, not millions: loading them
 * all is cheaper than recursive queries, and gives cycle checks and descendant sets for free.
 */
public final class CategoryTree {

    private static final Comparator<CatalogCategory> ORDER = Comparator.<CatalogCategory>comparingInt(c -> c.sortOrder)
            .thenComparing(c -> c.name).thenComparing(c -> c.id);

    private final Map<UUID, CatalogCategory> byId = new HashMap<>();
    private final Map<UUID, List<CatalogCategory>> children = new HashMap<>();

    public CategoryTree(List<CatalogCategory> all) {
        all.forEach(category -> byId.put(category.id, category));
        all.forEach(category -> children.computeIfAbsent(category.parentId, parent -> new ArrayList<>()).add(category));
        children.values().forEach(list -> list.sort(ORDER));
    }

    public boolean contains(UUID id) {
        return byId.containsKey(id);
    }

    /** Whether {@code candidate} is {@code ancestor} itself or lies below it. */
    public boolean isSelfOrDescendant(UUID candidate, UUID ancestor) {
        for (UUID at = candidate; at != null; at = byId.containsKey(at) ? byId.get(at).parentId : null) {
            if (at.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The category and every category below it. */
    public Set<UUID> selfAndDescendants(UUID root) {
        Set<UUID> ids = new java.util.LinkedHashSet<>();
        collect(root, ids);
        return ids;
    }

    /** Nodes under {@code root} (null: the roots), hiding inactive branches unless {@code includeInactive}. */
    public List<CategoryNode> nodes(UUID root, boolean includeInactive) {
        List<CatalogCategory> level = root == null ? children.getOrDefault(null, List.of()) : List.of(byId.get(root));
        return level.stream().filter(c -> includeInactive || c.active).map(c -> node(c, includeInactive)).toList();
    }

    private CategoryNode node(CatalogCategory category, boolean includeInactive) {
        CategoryNode.Builder node = CategoryNode.newBuilder().setCategory(CategoryMapper.toProto(category));
        children.getOrDefault(category.id, List.of()).stream()
                .filter(c -> includeInactive || c.active)
                .forEach(child -> node.addChildren(node(child, includeInactive)));
        return node.build();
    }

    private void collect(UUID id, Set<UUID> into) {
        if (into.add(id)) {
            children.getOrDefault(id, List.of()).forEach(child -> collect(child.id, into));
        }
    }
}
