package org.commercemesh.platform.auth;

/** The roles of the mesh, as they appear in the access token's {@code groups} claim. */
public final class Roles {

    /** Shops for themselves; every registration gets it. */
    public static final String CUSTOMER = "customer";
    /** Runs the shop; may call admin-only RPCs. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
