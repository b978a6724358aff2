package org.commercemesh.platform.auth;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.commercemesh.platform.error.PermissionDeniedException;
import org.commercemesh.platform.id.Ids;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The verified identity of a call: a signed-in user (customer or admin) or an API client (one
 * of the mesh's services, or a partner), what it may do, and its token.
 */
public record AuthenticatedCaller(String subject, Set<String> roles, JsonWebToken token) {

    /** Whether a person signed in (rather than an API client). */
    public boolean isUser() {
        return roles.contains(Roles.CUSTOMER) || roles.contains(Roles.ADMIN);
    }

    /**
     * The signed-in user's id. PERMISSION_DENIED for an API client: RPCs about "my" cart, orders
     * or addresses act for a person, and a client token names none.
     */
    public UUID userId() {
        UUID id = isUser() ? Ids.parseOrNull(subject) : null;
        if (id == null) {
            throw new PermissionDeniedException(
                    "this RPC acts for a signed-in user; an API client token cannot call it");
        }
        return id;
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /** Whether the caller may do what {@code scope} covers: an admin may do anything, a partner what its scopes say. */
    public boolean may(String scope) {
        return isAdmin() || roles.contains(scope);
    }

    /** A string claim of the access token, when it has one. */
    public Optional<String> claim(String name) {
        return Optional.ofNullable(token.<Object>getClaim(name)).map(Object::toString);
    }

    /** The raw access token, to forward to the services this call reaches on the user's behalf (design §6). */
    public String accessToken() {
        return token.getRawToken();
    }
}
