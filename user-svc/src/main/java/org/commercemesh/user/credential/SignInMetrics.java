package org.commercemesh.user.credential;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.ThrottledException;
import org.commercemesh.platform.error.UnauthenticatedException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Sign-in as an operator watches it: logins by outcome ({@code commerce.logins}: SUCCEEDED,
 * REFUSED for a wrong e-mail or password, THROTTLED) and the attempts a throttle turned away
 * ({@code commerce.auth.throttled}, by limit) — a rise in REFUSED from few addresses is
 * credential stuffing.
 */
@ApplicationScoped
public class SignInMetrics {

    private final MeterRegistry registry;

    public SignInMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a login by how it ended; {@code failure} is null for a session opened. */
    public void login(Throwable failure) {
        String outcome = failure == null
                ? "SUCCEEDED"
                : failure instanceof ThrottledException
                        ? "THROTTLED"
                        : failure instanceof UnauthenticatedException ? "REFUSED" : null;
        if (outcome != null) {
            Counter.builder("commerce.logins").description("Logins by outcome").tag("outcome", outcome)
                    .register(registry).increment();
        }
    }

    void throttled(String limit) {
        Counter.builder("commerce.auth.throttled").description("Attempts refused by a throttle, by limit")
                .tag("limit", limit).register(registry).increment();
    }
}
