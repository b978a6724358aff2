package org.commercemesh.platform.auth;

/**
 * The roles of the mesh, as they appear in the access token's {@code groups} claim (design
 * §9), and the scope roles a partner's token grants.
 */
public final class Roles {

    /** Shops for themselves; every registration gets it. */
    public static final String CUSTOMER = "customer";
    /** Runs the shop; may call admin-only RPCs. */
    public static final String ADMIN = "admin";
    /** One of the mesh's own services, calling internal RPCs with its own token. */
    public static final String SERVICE = "service";
    /** A partner's integration; may do what its scopes say and nothing else. */
    public static final String PARTNER = "partner";

    private Roles() {
    }
}
