package org.commercemesh.catalog.product;

import java.util.Map;
import java.util.Set;

import org.commercemesh.catalog.v1.ProductStatus;

/**
 * The lifecycle DRAFT → ACTIVE ⇄ INACTIVE, and any of those → ARCHIVED (final). Archived
 * products stay for order history but can never be sold again.
 */
final class ProductStatuses {

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "DRAFT", Set.of("ACTIVE", "ARCHIVED"),
            "ACTIVE", Set.of("INACTIVE", "ARCHIVED"),
            "INACTIVE", Set.of("ACTIVE", "ARCHIVED"),
            "ARCHIVED", Set.of());

    private ProductStatuses() {
    }

    static boolean canMove(String from, String to) {
        return from.equals(to) || ALLOWED.get(from).contains(to);
    }

    static String column(ProductStatus status) {
        return status.name().substring("PRODUCT_STATUS_".length());
    }

    static ProductStatus proto(String column) {
        return ProductStatus.valueOf("PRODUCT_STATUS_" + column);
    }
}
