package org.commercemesh.platform.auth;

import java.util.Set;

/**
 * What a partner's API client may do, carried in its token's {@code scope} claim. A partner
 * token is given one role per scope (by {@link ScopeRoles}), so an RPC names the scope beside
 * the admin role: {@code @RolesAllowed({ Roles.ADMIN, Scopes.ORDERS_FULFIL })}.
 */
public final class Scopes {

    /** The whole catalog, drafts and inactive products included, as an admin sees it. */
    public static final String CATALOG_READ = "catalog:read";
    /** A merchant feed: create, update and delete products and categories, adjust stock. */
    public static final String CATALOG_WRITE = "catalog:write";
    /** Read every order and move paid ones through PROCESSING, SHIPPED and DELIVERED. */
    public static final String ORDERS_FULFIL = "orders:fulfil";

    public static final Set<String> ALL = Set.of(CATALOG_READ, CATALOG_WRITE, ORDERS_FULFIL);

    private Scopes() {
    }
}
