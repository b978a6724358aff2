package org.commercemesh.user.client;

import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.status.ContractEnum;
import org.commercemesh.user.v1.ApiClientKind;

/** Whose API client this is, stored by name in api_client.kind: one of the mesh's services, or a partner. */
public enum ClientKind implements ContractEnum<ApiClientKind> {
    SERVICE(ApiClientKind.API_CLIENT_KIND_SERVICE),
    PARTNER(ApiClientKind.API_CLIENT_KIND_PARTNER);

    private final ApiClientKind proto;

    ClientKind(ApiClientKind proto) {
        this.proto = proto;
    }

    @Override
    public ApiClientKind toProto() {
        return proto;
    }

    /** The role its tokens carry in {@code groups}. */
    public String role() {
        return this == SERVICE ? Roles.SERVICE : Roles.PARTNER;
    }
}
