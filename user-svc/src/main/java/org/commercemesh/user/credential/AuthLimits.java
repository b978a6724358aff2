package org.commercemesh.user.credential;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.user.credential.AttemptThrottle.Limit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The throttling limits of authentication (design §9), from configuration. */
@ApplicationScoped
public class AuthLimits {

    private final Limit loginPerAccount;
    private final Limit loginPerClient;
    private final Limit registrationsPerClient;

    public AuthLimits(@ConfigProperty(name = "commerce.auth.login.max-failures") int maxFailures,
            @ConfigProperty(name = "commerce.auth.login.window") Duration window,
            @ConfigProperty(name = "commerce.auth.login.max-failures-per-client") int maxClientFailures,
            @ConfigProperty(name = "commerce.auth.register.max-per-client") int maxRegistrations,
            @ConfigProperty(name = "commerce.auth.register.window") Duration registerWindow) {
        this.loginPerAccount = new Limit("login-account", maxFailures, window);
        this.loginPerClient = new Limit("login-client", maxClientFailures, window);
        this.registrationsPerClient = new Limit("register-client", maxRegistrations, registerWindow);
    }

    /** Failed logins of one account (its normalised e-mail). */
    public Limit loginPerAccount() {
        return loginPerAccount;
    }

    /** Failed logins from one client address, whatever accounts they try. */
    public Limit loginPerClient() {
        return loginPerClient;
    }

    /** Registrations from one client address. */
    public Limit registrationsPerClient() {
        return registrationsPerClient;
    }
}
