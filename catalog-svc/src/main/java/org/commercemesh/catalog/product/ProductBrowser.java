package org.commercemesh.catalog.product;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.catalog.category.CategoryCatalog;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.catalog.v1.ProductSort;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.paging.PageRequest;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** ListProducts and SearchProducts: filters, sorts, pages. */
@ApplicationScoped
public class ProductBrowser {

    /** A page of products and the token of the next one (empty on the last page). */
    public record Page(List<ProductView> products, String nextPageToken) {
    }

    private final ProductCatalog products;
    private final CategoryCatalog categories;

    public ProductBrowser(ProductCatalog products, CategoryCatalog categories) {
        this.products = products;
        this.categories = categories;
    }

    /** Validates a filter into {@code violations}; admins may filter by status, customers only see ACTIVE. */
    static void validate(ProductFilter filter, Violations violations) {
        violations.optionalUuid("filter.category_id", filter.getCategoryId());
        Amount min = price(violations, "filter.min_price", filter.hasMinPrice(), filter.getMinPrice());
        Amount max = price(violations, "filter.max_price", filter.hasMaxPrice(), filter.getMaxPrice());
        if (min != null && max != null) {
            violations.check(min.currency().equals(max.currency()), "filter.max_price", "must be in min_price's currency")
                    .check(!min.currency().equals(max.currency()) || min.compareTo(max) <= 0, "filter.max_price",
                            "must not be below min_price");
        }
        violations.check(filter.getStatus() != ProductStatus.UNRECOGNIZED, "filter.status", "is not a known status")
                .check(filter.getAttributesCount() <= 10, "filter.attributes", "must be at most 10");
        filter.getAttributesMap().forEach((name, value) -> violations
                .check(!name.isBlank() && name.length() <= 100, "filter.attributes", "names must be 1 to 100 characters")
                .optionalText("filter.attributes[" + name + "]", value, 200));
    }

    public Uni<Page> list(ProductFilter filter, ProductSort sort, PageRequest page, boolean admin) {
        return resolve(filter, admin).chain(resolved -> run(ProductQuery.list(resolved, sort, page)))
                .chain(rows -> {
                    List<Object[]> served = page.pageOf(rows);
                    String next = page.hasMore(rows) ? PageRequest.tokenAfter(
                            ProductQuery.cursorText(served.get(served.size() - 1)[1]),
                            served.get(served.size() - 1)[0].toString()) : "";
                    return products.byIds(served.stream().map(row -> (UUID) row[0]).toList())
                            .map(views -> new Page(views, next));
                });
    }

    public Uni<Page> search(String text, ProductFilter filter, ProductSort sort, PageRequest page, boolean admin) {
        int offset = page.isFirstPage() ? 0 : page.intAt(0);
        return resolve(filter, admin).chain(resolved -> run(ProductQuery.search(text, resolved, sort, offset, page.size() + 1)))
                .chain(rows -> {
                    List<Object[]> served = page.pageOf(rows);
                    String next = page.hasMore(rows) ? PageRequest.tokenAfter(String.valueOf(offset + served.size())) : "";
                    return products.byIds(served.stream().map(row -> (UUID) row[0]).toList())
                            .map(views -> new Page(views, next));
                });
    }

    private Uni<ProductQuery.Filter> resolve(ProductFilter filter, boolean admin) {
        Uni<Set<UUID>> categoryIds = filter.getCategoryId().isEmpty()
                ? Uni.createFrom().item(Set.of())
                : categories.tree().map(tree -> {
                    UUID root = UUID.fromString(filter.getCategoryId());
                    // An unknown category matches nothing rather than everything.
                    return tree.contains(root) ? tree.selfAndDescendants(root) : Set.of(Ids.newId());
                });
        return categoryIds.map(ids -> new ProductQuery.Filter(ids,
                filter.hasMinPrice() ? Amount.fromProto(filter.getMinPrice()).value() : null,
                filter.hasMaxPrice() ? Amount.fromProto(filter.getMaxPrice()).value() : null,
                filter.hasMinPrice() ? filter.getMinPrice().getCurrencyCode()
                        : filter.hasMaxPrice() ? filter.getMaxPrice().getCurrencyCode() : null,
                filter.getInStockOnly(),
                Map.copyOf(filter.getAttributesMap()),
                // Customers see ACTIVE products only; admins every status unless they filter.
                admin ? ProductState.of(filter.getStatus()) : Optional.of(ProductState.ACTIVE)));
    }

    private static Uni<List<Object[]>> run(ProductQuery query) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> {
            var nativeQuery = session.createNativeQuery(query.sql(), Object[].class);
            query.parameters().forEach(nativeQuery::setParameter);
            return nativeQuery.getResultList();
        }));
    }

    private static Amount price(Violations violations, String field, boolean present, com.google.type.Money money) {
        if (!present) {
            return null;
        }
        Amount amount = violations.amount(field, money);
        if (amount != null) {
            violations.check(amount.value().signum() >= 0, field, "must not be negative");
        }
        return amount;
    }
}
