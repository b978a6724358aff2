package org.commercemesh.platform.auth;

import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The verified identity of a call: the user of the access token and what it may do. */
public record AuthenticatedCaller(UUID userId, boolean isAdmin, JsonWebToken token) {

    /** A string claim of the access token, when it has one. */
    public Optional<String> claim(String name) {
        return Optional.ofNullable(token.<Object>getClaim(name)).map(Object::toString);
    }

    /** The raw access token, to forward to the services this call reaches (design §6). */
    public String accessToken() {
        return token.getRawToken();
    }
}
