package org.commercemesh.user.notification;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.commercemesh.platform.provider.ProviderChoice;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * The gateway named by {@code commerce.sms.provider}: {@code twilio} or {@code sink}. Like the
 * payment gateway, none is assumed: a shop that promised texts and silently wrote them to a
 * file would lose them, so the service refuses to start without one.
 */
@ApplicationScoped
public class SmsSenders {

    private final Optional<String> configured;
    private final Instance<TwilioSmsSender> twilio;
    private final Instance<SinkSmsSender> sink;

    public SmsSenders(@ConfigProperty(name = "commerce.sms.provider") Optional<String> configured,
            Instance<TwilioSmsSender> twilio, Instance<SinkSmsSender> sink) {
        this.configured = configured;
        this.twilio = twilio;
        this.sink = sink;
    }

    void checkOnStart(@Observes StartupEvent started) {
        selected();
    }

    @Produces
    @ApplicationScoped
    SmsSender selected() {
        String name = configured.map(String::strip).filter(value -> !value.isEmpty()).orElseThrow(
                () -> new IllegalStateException("no SMS provider is configured: set COMMERCE_SMS_PROVIDER "
                        + "(commerce.sms.provider) to 'twilio' (with COMMERCE_SMS_TWILIO_*) or, for development, "
                        + "'sink' (texts written to COMMERCE_SMS_SINK_FILE)"));
        // Both are singletons, not proxied: get() constructs the one chosen, checking its settings.
        return ProviderChoice.of("SMS provider", "commerce.sms.provider", name,
                Map.<String, Supplier<SmsSender>>of("twilio", () -> twilio.get(), "sink", () -> sink.get()));
    }
}
