package org.commercemesh.testing.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.commercemesh.user.v1.IssueClientTokenRequest;
import org.commercemesh.user.v1.IssueClientTokenResponse;
import org.commercemesh.user.v1.MutinyAuthServiceGrpc;
import org.eclipse.microprofile.config.ConfigProvider;

import com.google.protobuf.Timestamp;

import io.grpc.Status;
import io.smallrye.mutiny.Uni;

/**
 * Stands in for user-svc's client-credentials exchange in the tests of a service that calls
 * internal RPCs: it answers the service's own {@code commerce.service.client-id} and
 * {@code -secret} with a service token signed by the test key, refuses anything else, and
 * counts exchanges. Not a bean itself: a test tree serves it with a one-line
 * {@code @GrpcService} subclass, so user-svc's own tests never meet it.
 */
public class ServiceTokenIssuer extends MutinyAuthServiceGrpc.AuthServiceImplBase {

    private static final AtomicInteger EXCHANGES = new AtomicInteger();

    /** How many tokens were issued so far. */
    public static int exchanges() {
        return EXCHANGES.get();
    }

    @Override
    public Uni<IssueClientTokenResponse> issueClientToken(IssueClientTokenRequest request) {
        String clientId = ConfigProvider.getConfig().getValue("commerce.service.client-id", String.class);
        String secret = ConfigProvider.getConfig().getValue("commerce.service.client-secret", String.class);
        if (!request.getClientId().equals(clientId) || !request.getClientSecret().equals(secret)) {
            return Uni.createFrom().failure(Status.UNAUTHENTICATED.withDescription("unknown client or wrong secret")
                    .asRuntimeException());
        }
        EXCHANGES.incrementAndGet();
        Instant expires = Instant.now().plus(Duration.ofMinutes(15));
        return Uni.createFrom().item(IssueClientTokenResponse.newBuilder().setAccessToken(TestTokens.service(clientId))
                .setTokenType("Bearer").setExpireTime(Timestamp.newBuilder().setSeconds(expires.getEpochSecond()))
                .build());
    }
}
