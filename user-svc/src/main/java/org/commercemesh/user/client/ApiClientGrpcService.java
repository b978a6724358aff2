package org.commercemesh.user.client;

import java.util.HashSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.auth.Scopes;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.user.v1.ApiClient;
import org.commercemesh.user.v1.ApiClientKind;
import org.commercemesh.user.v1.CreateApiClientRequest;
import org.commercemesh.user.v1.CreateApiClientResponse;
import org.commercemesh.user.v1.ListApiClientsRequest;
import org.commercemesh.user.v1.ListApiClientsResponse;
import org.commercemesh.user.v1.RevokeApiClientRequest;
import org.commercemesh.user.v1.RevokeApiClientResponse;
import org.commercemesh.user.v1.RotateApiClientSecretRequest;
import org.commercemesh.user.v1.RotateApiClientSecretResponse;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.user.v1.ApiClientService: admins manage the mesh's API clients. */
@GrpcService
public class ApiClientGrpcService implements org.commercemesh.user.v1.ApiClientService {

    private final ApiClientService registry;

    public ApiClientGrpcService(ApiClientService registry) {
        this.registry = registry;
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<CreateApiClientResponse> createApiClient(CreateApiClientRequest request) {
        return Uni.createFrom().deferred(() -> {
            ApiClient client = request.getApiClient();
            Violations violations = new Violations().requireText("api_client.display_name", client.getDisplayName(), 1,
                    100);
            boolean partner = client.getKind() == ApiClientKind.API_CLIENT_KIND_PARTNER;
            boolean service = client.getKind() == ApiClientKind.API_CLIENT_KIND_SERVICE;
            violations.check(partner || service, "api_client.kind", "must be SERVICE or PARTNER");
            violations.check(!service || client.getDisplayName().strip().matches("[a-z][a-z0-9-]{1,62}"),
                    "api_client.display_name", "a service is named like its deployment, e.g. order-svc");
            violations.check(!service || client.getScopesCount() == 0, "api_client.scopes", "a service has no scopes");
            violations.check(!partner || client.getScopesCount() > 0, "api_client.scopes",
                    "a partner needs at least one scope");
            violations.check(new HashSet<>(client.getScopesList()).size() == client.getScopesCount(),
                    "api_client.scopes",
                    "must not repeat a scope");
            for (int i = 0; i < client.getScopesCount(); i++) {
                violations.check(Scopes.ALL.contains(client.getScopes(i)), "api_client.scopes[" + i + "]",
                        "must be one of " + String.join(", ", Scopes.ALL.stream().sorted().toList()));
            }
            violations.throwIfAny();
            return registry.create(client.getDisplayName().strip(), service ? ClientKind.SERVICE : ClientKind.PARTNER,
                    client.getScopesList());
        }).map(created -> CreateApiClientResponse.newBuilder()
                .setApiClient(ApiClientMapper.toProto(created.client())).setClientSecret(created.secret()).build());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<ListApiClientsResponse> listApiClients(ListApiClientsRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations();
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 2, violations);
            violations.throwIfAny();
            return registry.list(page).map(fetched -> {
                List<RegisteredClient> served = page.pageOf(fetched);
                ListApiClientsResponse.Builder response = ListApiClientsResponse.newBuilder();
                served.forEach(client -> response.addApiClients(ApiClientMapper.toProto(client)));
                if (page.hasMore(fetched)) {
                    RegisteredClient last = served.get(served.size() - 1);
                    response.setNextPageToken(PageRequest.tokenAfter(last.createdAt.toString(), last.id.toString()));
                }
                return response.build();
            });
        });
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<RotateApiClientSecretResponse> rotateApiClientSecret(RotateApiClientSecretRequest request) {
        return Uni.createFrom().deferred(() -> {
            new Violations().requireText("client_id", request.getClientId(), 1, 100).throwIfAny();
            return registry.rotate(request.getClientId());
        }).map(rotated -> RotateApiClientSecretResponse.newBuilder()
                .setApiClient(ApiClientMapper.toProto(rotated.client())).setClientSecret(rotated.secret()).build());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<RevokeApiClientResponse> revokeApiClient(RevokeApiClientRequest request) {
        return Uni.createFrom().deferred(() -> {
            new Violations().requireText("client_id", request.getClientId(), 1, 100).throwIfAny();
            return registry.revoke(request.getClientId());
        }).map(client -> RevokeApiClientResponse.newBuilder().setApiClient(ApiClientMapper.toProto(client)).build());
    }
}
