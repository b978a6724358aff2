package org.commercemesh.platform.provider;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The adapter a configuration property names, among those this build has: the one way services
 * pick a payment gateway, an SMS gateway, a shipping provider or a geocoder. An unknown name
 * fails start-up and lists the names known, so a typo in a deployment is caught before traffic.
 */
public final class ProviderChoice {

    private ProviderChoice() {
    }

    /**
     * The adapter {@code known} has under {@code name}, made by its supplier. {@code kind} and
     * {@code property} are for the message: "unknown SMS provider 'x' in commerce.sms.provider".
     */
    public static <T> T of(String kind, String property, String name,
            Map<String, ? extends Supplier<? extends T>> known) {
        Supplier<? extends T> chosen = known.get(name.strip());
        if (chosen == null) {
            throw new IllegalStateException("unknown " + kind + " '" + name + "' in " + property
                    + "; this build knows: " + String.join(", ", new TreeSet<>(known.keySet())));
        }
        return chosen.get();
    }
}
