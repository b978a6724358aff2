package org.commercemesh.user.credential;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.user.credential.AttemptThrottle.Limit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The throttling limits of authentication (design §9), from configuration. */
@ApplicationScoped
public class AuthLimits {

    private static final String FAILED_LOGINS = "too many failed logins; try again later";
    private static final String LINK_REQUESTS = "too many e-mail links asked for; try again later";

    private final Limit loginPerAccount;
    private final Limit loginPerClient;
    private final Limit registrationsPerClient;
    private final Limit linksPerAccount;
    private final Limit linksPerClient;

    public AuthLimits(@ConfigProperty(name = "commerce.auth.login.max-failures") int maxFailures,
            @ConfigProperty(name = "commerce.auth.login.window") Duration window,
            @ConfigProperty(name = "commerce.auth.login.max-failures-per-client") int maxClientFailures,
            @ConfigProperty(name = "commerce.auth.register.max-per-client") int maxRegistrations,
            @ConfigProperty(name = "commerce.auth.register.window") Duration registerWindow,
            @ConfigProperty(name = "commerce.auth.links.max-per-account") int maxLinks,
            @ConfigProperty(name = "commerce.auth.links.max-per-client") int maxClientLinks,
            @ConfigProperty(name = "commerce.auth.links.window") Duration linksWindow) {
        this.loginPerAccount = new Limit("login-account", maxFailures, window, FAILED_LOGINS);
        this.loginPerClient = new Limit("login-client", maxClientFailures, window, FAILED_LOGINS);
        this.registrationsPerClient = new Limit("register-client", maxRegistrations, registerWindow,
                "too many registrations from this address; try again later");
        this.linksPerAccount = new Limit("links-account", maxLinks, linksWindow, LINK_REQUESTS);
        this.linksPerClient = new Limit("links-client", maxClientLinks, linksWindow, LINK_REQUESTS);
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

    /**
     * E-mailed links (password reset, verification) asked for one address, whether or not an
     * account uses it: counting only real accounts would tell which addresses have one.
     */
    public Limit linksPerAccount() {
        return linksPerAccount;
    }

    /** E-mailed links asked for from one client address. */
    public Limit linksPerClient() {
        return linksPerClient;
    }
}
