package org.commercemesh.platform.auth;

import java.util.Arrays;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Gives a partner's identity one role per known scope of its token, so that security
 * annotations can name scopes. Only partner tokens get them: a scope claim on any other token
 * grants nothing.
 */
@ApplicationScoped
public class ScopeRoles implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.PARTNER)
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Object scope = token.getClaim("scope");
        if (scope == null) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        Arrays.stream(scope.toString().split(" ")).filter(Scopes.ALL::contains).forEach(builder::addRole);
        return Uni.createFrom().item(builder.build());
    }
}
