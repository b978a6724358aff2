package org.commercemesh.sdk;

import java.time.Instant;

/**
 * A bearer token and when it expires; a person's session also carries the refresh token that
 * renews it.
 */
public record AccessToken(String value, Instant expiresAt, String refreshToken) {

    AccessToken withoutAccess() {
        return new AccessToken("", Instant.EPOCH, refreshToken);
    }
}
