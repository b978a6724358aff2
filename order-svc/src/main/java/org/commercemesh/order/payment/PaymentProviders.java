package org.commercemesh.order.payment;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.commercemesh.platform.provider.ProviderChoice;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * The gateway named by {@code commerce.payment.provider}. The dev and test profiles name the
 * sandbox; production names none by default, and a service that would take orders without a
 * way to be paid refuses to start rather than fall back to a gateway that moves no money. Every
 * answer it gives is counted.
 */
@ApplicationScoped
public class PaymentProviders {

    private final Optional<String> configured;
    private final Instance<SandboxPaymentProvider> sandbox;
    private final MeterRegistry registry;

    public PaymentProviders(@ConfigProperty(name = "commerce.payment.provider") Optional<String> configured,
            Instance<SandboxPaymentProvider> sandbox, MeterRegistry registry) {
        this.configured = configured;
        this.sandbox = sandbox;
        this.registry = registry;
    }

    void checkOnStart(@Observes StartupEvent started) {
        selected();
    }

    @Produces
    @ApplicationScoped
    PaymentProvider selected() {
        String name = configured.map(String::strip).filter(value -> !value.isEmpty()).orElseThrow(
                () -> new IllegalStateException("no payment provider is configured: set COMMERCE_PAYMENT_PROVIDER "
                        + "(commerce.payment.provider) to the gateway this shop uses; 'sandbox' moves no money "
                        + "and is meant for development and tests"));
        return new MeteredPaymentProvider(ProviderChoice.of("payment provider", "commerce.payment.provider", name,
                Map.<String, Supplier<PaymentProvider>>of("sandbox", () -> sandbox.get())), registry);
    }
}
