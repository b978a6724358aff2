package org.commercemesh.catalog.product;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.commercemesh.catalog.v1.ProductSort;
import org.commercemesh.platform.paging.PageRequest;

/**
 * The SQL of ListProducts and SearchProducts, built from validated input. Lists page by keyset
 * on (sort value, id), so inserts never shift or repeat what a client has not read yet;
 * searches page by offset, since relevance is not a stable key.
 */
final class ProductQuery {

    /** The filters both RPCs share, already validated. */
    record Filter(Set<UUID> categoryIds, BigDecimal minPrice, BigDecimal maxPrice, String currency, boolean inStockOnly,
            Map<String, String> attributes, Optional<ProductState> status) {
    }

    private final List<String> where = new ArrayList<>(List.of("p.deleted_at is null"));
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private String select = "p.id";
    private String order;
    private String sql;

    private ProductQuery() {
    }

    static ProductQuery list(Filter filter, ProductSort sort, PageRequest page) {
        ProductQuery query = new ProductQuery().filtered(filter);
        String key = sortKey(sort);
        query.select = "p.id, " + key;
        query.order = orderBy(sort);
        if (!page.isFirstPage()) {
            query.where.add("(" + key + ", p.id) " + (ascending(sort) ? ">" : "<") + " (:afterValue, :afterId)");
            query.parameters.put("afterValue", cursorValue(sort, page));
            query.parameters.put("afterId", page.uuidAt(1));
        }
        query.parameters.put("limit", page.size() + 1);
        return query;
    }

    /**
     * Exact words first: when the full-text query matches, those products are the results, ranked
     * by ts_rank_cd on the tsvector index alone. Only a query that matches nothing exactly falls
     * back to trigram similarity of the name (typos), through the trigram index. A broad query
     * ("steel") so never computes word similarity for thousands of rows.
     */
    static ProductQuery search(String text, Filter filter, ProductSort sort, int offset, int limit) {
        ProductQuery query = new ProductQuery().filtered(filter);
        query.parameters.put("q", text.strip().toLowerCase(java.util.Locale.ROOT));
        query.parameters.put("offset", offset);
        query.parameters.put("limit", limit);
        boolean relevance = sort == ProductSort.PRODUCT_SORT_UNSPECIFIED || sort == ProductSort.PRODUCT_SORT_RELEVANCE;
        String key = relevance ? "" : ", " + sortKey(sort) + " as key";
        String direction = ascending(sort) ? " asc" : " desc";
        String where = String.join(" and ", query.where);
        query.sql = """
                with exact as materialized (
                  select p.id, ts_rank_cd(p.search_vector, websearch_to_tsquery('english', :q)) as rank%1$s
                    from product p where %2$s and p.search_vector @@ websearch_to_tsquery('english', :q)),
                fuzzy as (
                  select p.id, word_similarity(:q, lower(p.name)) as rank%1$s
                    from product p where not exists (select 1 from exact) and %2$s
                     and (lower(p.name) %% :q or :q <%% lower(p.name))),
                hits as (select * from exact union all select * from fuzzy)
                select id, rank from hits order by %3$s offset :offset limit :limit""".formatted(key, where,
                relevance ? "rank desc, id desc" : "key" + direction + ", id" + direction);
        return query;
    }

    String sql() {
        if (sql != null) {
            return sql;
        }
        return "select " + select + " from product p where " + String.join(" and ", where) + " order by " + order
                + " limit :limit";
    }

    Map<String, Object> parameters() {
        return parameters;
    }

    /** The sort-key column of a list row, as the text a page token carries. */
    static String cursorText(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant().toString();
        }
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    private ProductQuery filtered(Filter filter) {
        filter.status().ifPresent(status -> {
            where.add("p.status = :status");
            parameters.put("status", status.name());
        });
        if (!filter.categoryIds().isEmpty()) {
            where.add(
                    "exists (select 1 from product_category pc where pc.product_id = p.id and pc.category_id = any(:categories))");
            parameters.put("categories", List.copyOf(filter.categoryIds()));
        }
        if (filter.minPrice() != null) {
            where.add("p.effective_price >= :minPrice");
            parameters.put("minPrice", filter.minPrice());
        }
        if (filter.maxPrice() != null) {
            where.add("p.effective_price <= :maxPrice");
            parameters.put("maxPrice", filter.maxPrice());
        }
        if (filter.currency() != null) {
            where.add("p.currency = :currency");
            parameters.put("currency", filter.currency());
        }
        if (filter.inStockOnly()) {
            where.add("(not p.manage_stock or p.stock_quantity - reserved_quantity(p.id) > 0)");
        }
        int i = 0;
        for (var attribute : filter.attributes().entrySet()) {
            where.add("(p.attributes -> cast(:attrName" + i + " as text)) @> to_jsonb(cast(:attrValue" + i
                    + " as text))");
            parameters.put("attrName" + i, attribute.getKey());
            parameters.put("attrValue" + i, attribute.getValue());
            i++;
        }
        return this;
    }

    private static boolean ascending(ProductSort sort) {
        return sort == ProductSort.PRODUCT_SORT_PRICE_ASC || sort == ProductSort.PRODUCT_SORT_NAME;
    }

    private static String orderBy(ProductSort sort) {
        String direction = ascending(sort) ? " asc" : " desc";
        return sortKey(sort) + direction + ", p.id" + direction;
    }

    private static String sortKey(ProductSort sort) {
        return switch (sort) {
            case PRODUCT_SORT_PRICE_ASC, PRODUCT_SORT_PRICE_DESC -> "p.effective_price";
            case PRODUCT_SORT_RATING -> "p.average_rating";
            case PRODUCT_SORT_NAME -> "lower(p.name)";
            default -> "p.created_at";
        };
    }

    private static Object cursorValue(ProductSort sort, PageRequest page) {
        return switch (sort) {
            case PRODUCT_SORT_PRICE_ASC, PRODUCT_SORT_PRICE_DESC, PRODUCT_SORT_RATING -> page.decimalAt(0);
            case PRODUCT_SORT_NAME -> page.cursor().get(0);
            default -> page.instantAt(0);
        };
    }
}
