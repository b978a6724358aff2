package org.commercemesh.sdk;

import java.time.Clock;
import java.time.Duration;

import org.commercemesh.user.v1.AuthServiceGrpc.AuthServiceBlockingStub;

/**
 * The client's current token: obtained on first use, renewed once it is within
 * {@code refreshAhead} of expiring, shared by every call (one renewal for concurrent callers).
 */
final class Tokens {

    private final Credentials credentials;
    private final AuthServiceBlockingStub auth;
    private final Duration refreshAhead;
    private final Clock clock;
    private AccessToken current;

    Tokens(Credentials credentials, AuthServiceBlockingStub auth, Duration refreshAhead, Clock clock) {
        this.credentials = credentials;
        this.auth = auth;
        this.refreshAhead = refreshAhead;
        this.clock = clock;
    }

    /** The bearer token to send, or null for anonymous credentials. */
    synchronized String bearer() {
        if (current == null || current.value().isEmpty()
                || !clock.instant().isBefore(current.expiresAt().minus(refreshAhead))) {
            current = credentials.obtain(auth, current);
        }
        return current == null ? null : current.value();
    }

    /** The mesh refused the token (revoked, or keys rotated): the next call gets a new one. */
    synchronized void rejected() {
        if (current != null) {
            current = current.withoutAccess();
        }
    }
}
