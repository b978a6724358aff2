package org.commercemesh.user.credential;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * bcrypt, off the event loop: a hash at cost 12 takes a few hundred milliseconds of CPU. The
 * returned Unis complete back on the caller's Vert.x context, so a Hibernate Reactive session
 * can carry on after them.
 */
// Built at start-up: the decoy hash costs a bcrypt run, which must not land on the event loop of the first login.
@Startup
@ApplicationScoped
public class PasswordHasher {

    private final int cost;
    /** Compared against when the account does not exist, so that answer takes as long as a wrong password. */
    private final String decoyHash;

    public PasswordHasher(@ConfigProperty(name = "commerce.auth.bcrypt-cost") int cost) {
        this.cost = cost;
        this.decoyHash = BcryptUtil.bcryptHash("decoy password that matches nothing", cost);
    }

    public Uni<String> hash(String password) {
        return VertxContextSupport.executeBlocking(() -> BcryptUtil.bcryptHash(password, cost));
    }

    public Uni<Boolean> matches(String password, String hash) {
        return VertxContextSupport.executeBlocking(() -> BcryptUtil.matches(password, hash));
    }

    /** Spends the time of a real comparison and always answers false. */
    public Uni<Boolean> matchesNothing(String password) {
        return matches(password, decoyHash).map(ignored -> Boolean.FALSE);
    }
}
