package org.commercemesh.user.session;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start without a signing key: otherwise the service would come up healthy and fail
 * every login. dev/mesh generates a development key pair under .mesh/keys; tests get one from
 * platform-testing; production mounts it from a Secret.
 */
class SigningKeyCheck {

    void onStart(@Observes StartupEvent start) {
        var config = ConfigProvider.getConfig();
        boolean configured = config.getOptionalValue("smallrye.jwt.sign.key.location", String.class).isPresent()
                || config.getOptionalValue("smallrye.jwt.sign.key", String.class).isPresent();
        if (!configured) {
            throw new IllegalStateException("user-svc signs access tokens with the private key at "
                    + "smallrye.jwt.sign.key.location (env SMALLRYE_JWT_SIGN_KEY_LOCATION) or inline in "
                    + "smallrye.jwt.sign.key, and neither is configured");
        }
    }
}
