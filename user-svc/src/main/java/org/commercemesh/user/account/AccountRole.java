package org.commercemesh.user.account;

import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.status.ContractEnum;
import org.commercemesh.user.v1.Role;

/**
 * What an account may do, stored by name in app_user.role; the one mapping to the contract's
 * {@link Role} and to the group its access tokens carry.
 */
public enum AccountRole implements ContractEnum<Role> {
    CUSTOMER(Role.ROLE_CUSTOMER, Roles.CUSTOMER),
    ADMIN(Role.ROLE_ADMIN, Roles.ADMIN);

    private final Role proto;
    private final String group;

    AccountRole(Role proto, String group) {
        this.proto = proto;
        this.group = group;
    }

    @Override
    public Role toProto() {
        return proto;
    }

    /** The group (platform {@link Roles}) an access token of this account carries. */
    public String group() {
        return group;
    }
}
