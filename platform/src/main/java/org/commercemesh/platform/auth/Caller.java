package org.commercemesh.platform.auth;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.UnauthenticatedException;
import org.commercemesh.platform.id.Ids;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;

/**
 * Who is calling: always taken from the verified access token, never from a request field.
 * The identity is resolved lazily and without blocking, so it comes as a {@code Uni} that
 * endpoints chain their work onto.
 */
@ApplicationScoped
public class Caller {

    private final CurrentIdentityAssociation identities;

    public Caller(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** The authenticated caller; UNAUTHENTICATED for an anonymous call. */
    public Uni<AuthenticatedCaller> current() {
        return optional().map(caller -> caller.orElseThrow(
                () -> new UnauthenticatedException("a valid access token is required")));
    }

    /** The caller when the call carries a valid access token, empty for an anonymous call (public reads). */
    public Uni<Optional<AuthenticatedCaller>> optional() {
        return identities.getDeferredIdentity().map(identity -> {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                return Optional.empty();
            }
            AuthenticatedCaller caller = new AuthenticatedCaller(token.getSubject(), Set.copyOf(identity.getRoles()),
                    token);
            if (caller.isUser() && Ids.parseOrNull(token.getSubject()) == null) {
                throw new UnauthenticatedException("the access token names no user");
            }
            return Optional.of(caller);
        });
    }

    /** Whether the caller is an admin; false for anonymous calls. */
    public Uni<Boolean> isAdmin() {
        return optional().map(caller -> caller.map(AuthenticatedCaller::isAdmin).orElse(false));
    }

    /** Whether the caller may do what {@code scope} covers (an admin, or a partner holding it); false for anonymous calls. */
    public Uni<Boolean> may(String scope) {
        return optional().map(caller -> caller.map(known -> known.may(scope)).orElse(false));
    }
}
