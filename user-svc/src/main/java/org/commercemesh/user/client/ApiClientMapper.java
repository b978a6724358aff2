package org.commercemesh.user.client;

import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.user.v1.ApiClient;

/** RegisteredClient ↔ commerce.user.v1.ApiClient. The secret hash never leaves the service. */
public final class ApiClientMapper {

    private ApiClientMapper() {
    }

    public static ApiClient toProto(RegisteredClient client) {
        ApiClient.Builder message = ApiClient.newBuilder()
                .setClientId(client.clientId)
                .setDisplayName(client.displayName)
                .setKind(client.kind.toProto())
                .addAllScopes(client.scopeList())
                .setCreateTime(ProtoTime.toProto(client.createdAt))
                .setSecretRotateTime(ProtoTime.toProto(client.secretRotatedAt));
        if (client.revokedAt != null) {
            message.setRevokeTime(ProtoTime.toProto(client.revokedAt));
        }
        return message.build();
    }
}
