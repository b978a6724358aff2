package org.commercemesh.platform.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.context.CallerContext;
import org.commercemesh.platform.grpc.Downstream;
import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.user.v1.IssueClientTokenRequest;
import org.commercemesh.user.v1.MutinyAuthServiceGrpc.MutinyAuthServiceStub;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * This service's own access token (role {@code service}, design §6 and §9), for the internal
 * RPCs it calls — inventory, batch reads — and for work no user is waiting on (the pending-order
 * sweeper). Obtained from user-svc with the OAuth 2.0 client-credentials exchange
 * ({@code commerce.service.client-id} and {@code -secret}), kept until a minute before it
 * expires, and refreshed by one exchange however many calls need it at that moment.
 */
@ApplicationScoped
public class ServiceToken {

    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private record Issued(String token, Instant expiresAt) {
    }

    private final MutinyAuthServiceStub auth;
    private final String clientId;
    private final String clientSecret;
    private final Duration deadline;

    private volatile Issued current;
    private Uni<Issued> exchanging;

    public ServiceToken(@GrpcClient("auth") MutinyAuthServiceStub auth,
            @ConfigProperty(name = "commerce.service.client-id") String clientId,
            @ConfigProperty(name = "commerce.service.client-secret") String clientSecret,
            @ConfigProperty(name = "commerce.downstream.deadline", defaultValue = "2s") Duration deadline) {
        this.auth = auth;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.deadline = deadline;
    }

    /** A valid token of this service. */
    public Uni<String> get() {
        Issued issued = current;
        if (issued != null && Instant.now().isBefore(issued.expiresAt().minus(REFRESH_BEFORE_EXPIRY))) {
            return Uni.createFrom().item(issued.token());
        }
        // Every request waiting on the one exchange resumes on its own context, not the first one's.
        return exchange().emitOn(CallerContext.current()).map(Issued::token);
    }

    private synchronized Uni<Issued> exchange() {
        if (exchanging == null) {
            IssueClientTokenRequest request = IssueClientTokenRequest.newBuilder()
                    .setClientId(clientId).setClientSecret(clientSecret).build();
            exchanging = Downstream.idempotent(auth.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .issueClientToken(request), "user-svc", deadline)
                    .map(response -> new Issued(response.getAccessToken(),
                            ProtoTime.fromProto(response.getExpireTime())))
                    .invoke(issued -> current = issued)
                    .onTermination().invoke(this::exchanged)
                    .memoize().indefinitely();
        }
        return exchanging;
    }

    private synchronized void exchanged() {
        exchanging = null;
    }
}
