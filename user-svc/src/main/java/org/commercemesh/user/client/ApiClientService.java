package org.commercemesh.user.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.error.UnauthenticatedException;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.user.credential.OpaqueSecrets;
import org.commercemesh.user.session.AccessTokens;
import org.commercemesh.user.v1.ApiClient;
import org.commercemesh.user.v1.IssueClientTokenResponse;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * API clients and the client-credentials exchange (design §9). Secrets are 256 random bits,
 * shown once and stored as SHA-256; a revoked or rotated secret stops working at once, since
 * every exchange reads the stored hash.
 */
@ApplicationScoped
public class ApiClientService {

    static final String REFUSED = "unknown client or wrong secret";
    private static final String RESOURCE = "api_client";

    private final ApiClientRepository clients;
    private final AccessTokens accessTokens;
    private final AuditLog audit;

    public ApiClientService(ApiClientRepository clients, AccessTokens accessTokens, AuditLog audit) {
        this.clients = clients;
        this.accessTokens = accessTokens;
        this.audit = audit;
    }

    /** A client as created, with its secret in clear for the one answer that shows it. */
    public record WithSecret(RegisteredClient client, String secret) {
    }

    @WithTransaction
    public Uni<WithSecret> create(String displayName, ClientKind kind, List<String> scopes) {
        String secret = OpaqueSecrets.newSecret();
        return clients.persist(newClient(displayName, kind, scopes, secret))
                .call(client -> audit.record(new Change("api_client.create", RESOURCE, client.clientId, null,
                        ApiClientMapper.toProto(client))))
                .map(client -> new WithSecret(client, secret));
    }

    @WithSession
    public Uni<List<RegisteredClient>> list(PageRequest page) {
        return clients.page(page);
    }

    @WithTransaction
    public Uni<WithSecret> rotate(String clientId) {
        String secret = OpaqueSecrets.newSecret();
        return clients.getByClientId(clientId).call(client -> {
            ApiClient before = ApiClientMapper.toProto(client);
            client.secretHash = OpaqueSecrets.hash(secret);
            client.secretRotatedAt = Instant.now();
            return audit.record(new Change("api_client.rotate_secret", RESOURCE, clientId, before,
                    ApiClientMapper.toProto(client)));
        }).map(client -> new WithSecret(client, secret));
    }

    @WithTransaction
    public Uni<RegisteredClient> revoke(String clientId) {
        return clients.getByClientId(clientId).call(client -> {
            if (client.revokedAt != null) {
                return Uni.createFrom().voidItem();
            }
            ApiClient before = ApiClientMapper.toProto(client);
            client.revokedAt = Instant.now();
            return audit.record(new Change("api_client.revoke", RESOURCE, clientId, before,
                    ApiClientMapper.toProto(client)));
        });
    }

    /** The client-credentials exchange; UNAUTHENTICATED, the same for every reason, when it fails. */
    @WithSession
    public Uni<IssueClientTokenResponse> issueToken(String clientId, String secret) {
        return clients.findByClientId(clientId)
                .map(client -> {
                    if (client == null || client.isRevoked() || !OpaqueSecrets.matches(secret, client.secretHash)) {
                        throw new UnauthenticatedException(REFUSED);
                    }
                    AccessTokens.Issued issued = accessTokens.issueForClient(client.clientId,
                            client.kind.role(), client.scopes, Instant.now());
                    return IssueClientTokenResponse.newBuilder().setAccessToken(issued.token()).setTokenType("Bearer")
                            .setExpireTime(ProtoTime.toProto(issued.expiresAt())).setScope(client.scopes).build();
                });
    }

    /**
     * Makes sure each of the mesh's services named in {@code secrets} exists as a SERVICE client
     * with that secret (what {@code dev/mesh} and a deployment's Secret provide). A revoked
     * service stays revoked: provisioning does not undo an operator's decision.
     */
    @WithTransaction
    public Uni<Void> provisionServices(Map<String, String> secrets) {
        return Multi.createFrom().iterable(secrets.entrySet())
                .onItem().transformToUniAndConcatenate(service -> clients.findByClientId(service.getKey())
                        .chain(existing -> {
                            if (existing == null) {
                                return clients.persist(newClient(service.getKey(), ClientKind.SERVICE, List.of(),
                                        service.getValue())).replaceWithVoid();
                            }
                            if (!OpaqueSecrets.matches(service.getValue(), existing.secretHash)) {
                                existing.secretHash = OpaqueSecrets.hash(service.getValue());
                                existing.secretRotatedAt = Instant.now();
                            }
                            return Uni.createFrom().voidItem();
                        }))
                .collect().last().replaceWithVoid();
    }

    private static RegisteredClient newClient(String displayName, ClientKind kind, List<String> scopes, String secret) {
        Instant now = Instant.now();
        RegisteredClient client = new RegisteredClient();
        client.id = Ids.newId();
        client.clientId = kind == ClientKind.SERVICE
                ? displayName
                : "partner-" + client.id.toString().replace("-", "").substring(16);
        client.displayName = displayName;
        client.kind = kind;
        client.scopes = String.join(" ", new TreeSet<>(scopes));
        client.secretHash = OpaqueSecrets.hash(secret);
        client.createdAt = now;
        client.secretRotatedAt = now;
        return client;
    }
}
