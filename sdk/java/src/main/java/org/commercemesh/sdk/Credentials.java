package org.commercemesh.sdk;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.commercemesh.user.v1.AuthServiceGrpc.AuthServiceBlockingStub;
import org.commercemesh.user.v1.IssueClientTokenRequest;
import org.commercemesh.user.v1.IssueClientTokenResponse;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.RefreshTokenRequest;
import org.commercemesh.user.v1.Session;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Who the client acts as, and how it gets a token for that. */
public abstract class Credentials {

    private static final long AUTH_DEADLINE_SECONDS = 10;

    /** Anonymous: browsing the catalog, registering, and logging in by hand. */
    public static Credentials none() {
        return new Credentials() {
            @Override
            AccessToken obtain(AuthServiceBlockingStub auth, AccessToken previous) {
                return null;
            }
        };
    }

    /** A partner's (or a service's) API key: OAuth 2.0 client credentials, asked again when the token nears expiry. */
    public static Credentials clientCredentials(String clientId, String clientSecret) {
        return new Credentials() {
            @Override
            AccessToken obtain(AuthServiceBlockingStub auth, AccessToken previous) {
                IssueClientTokenResponse issued = deadline(auth).issueClientToken(IssueClientTokenRequest.newBuilder()
                        .setClientId(clientId).setClientSecret(clientSecret).build());
                return new AccessToken(issued.getAccessToken(), instant(issued.getExpireTime()), "");
            }
        };
    }

    /**
     * A person's login: the session's refresh token renews the access token (and is rotated);
     * when the session is gone (logged out, expired) the client logs in again.
     */
    public static Credentials userLogin(String email, String password) {
        return new Credentials() {
            @Override
            AccessToken obtain(AuthServiceBlockingStub auth, AccessToken previous) {
                if (previous != null && !previous.refreshToken().isEmpty()) {
                    try {
                        return session(deadline(auth).refreshToken(RefreshTokenRequest.newBuilder()
                                .setRefreshToken(previous.refreshToken()).build()).getSession());
                    } catch (StatusRuntimeException e) {
                        if (e.getStatus().getCode() != Status.Code.UNAUTHENTICATED) {
                            throw e;
                        }
                    }
                }
                return session(
                        deadline(auth).login(LoginRequest.newBuilder().setEmail(email).setPassword(password).build())
                                .getSession());
            }
        };
    }

    /** A new token, renewing {@code previous} when it can; null for anonymous credentials. */
    abstract AccessToken obtain(AuthServiceBlockingStub auth, AccessToken previous);

    private static AccessToken session(Session session) {
        return new AccessToken(session.getAccessToken(), instant(session.getAccessTokenExpireTime()),
                session.getRefreshToken());
    }

    private static Instant instant(com.google.protobuf.Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    private static AuthServiceBlockingStub deadline(AuthServiceBlockingStub auth) {
        return auth.withDeadlineAfter(AUTH_DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
}
