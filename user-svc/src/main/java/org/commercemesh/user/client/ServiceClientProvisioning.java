package org.commercemesh.user.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;

/**
 * At start-up, makes sure the mesh's own services can sign in: {@code commerce.auth.service-clients}
 * (COMMERCE_AUTH_SERVICE_CLIENTS) lists {@code name=secret} pairs, comma-separated, the same
 * secrets each service is given as its {@code commerce.service.client-secret}. {@code dev/mesh}
 * generates them under {@code .mesh/}; a deployment mounts them from a Secret.
 */
@ApplicationScoped
public class ServiceClientProvisioning {

    private final ApiClientService registry;
    private final Optional<String> configured;

    public ServiceClientProvisioning(ApiClientService registry,
            @ConfigProperty(name = "commerce.auth.service-clients") Optional<String> configured) {
        this.registry = registry;
        this.configured = configured;
    }

    void provision(@Observes StartupEvent started) throws Throwable {
        Map<String, String> secrets = parse(configured.orElse(""));
        if (!secrets.isEmpty()) {
            VertxContextSupport.subscribeAndAwait(() -> registry.provisionServices(secrets));
        }
    }

    static Map<String, String> parse(String value) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.strip().split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].length() < 32) {
                throw new IllegalStateException("commerce.auth.service-clients must be name=secret pairs with secrets "
                        + "of at least 32 characters; got an entry for '" + parts[0] + "'");
            }
            secrets.put(parts[0].strip(), parts[1].strip());
        }
        return secrets;
    }
}
