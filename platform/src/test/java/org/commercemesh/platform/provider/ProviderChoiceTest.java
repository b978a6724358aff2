package org.commercemesh.platform.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class ProviderChoiceTest {

    @Test
    void givenAKnownName_thenOnlyThatAdapterIsMade() {
        Map<String, Supplier<String>> known = Map.of("sink", () -> "a file", "twilio", () -> {
            throw new AssertionError("twilio was not asked for");
        });

        assertThat(ProviderChoice.of("SMS provider", "commerce.sms.provider", " sink ", known)).isEqualTo("a file");
    }

    @Test
    void givenAnUnknownName_thenStartUpFailsNamingThePropertyAndEveryKnownName() {
        Map<String, Supplier<String>> known = Map.of("twilio", () -> "twilio", "sink", () -> "sink");

        assertThatIllegalStateException()
                .isThrownBy(() -> ProviderChoice.of("SMS provider", "commerce.sms.provider", "vonage", known))
                .withMessage("unknown SMS provider 'vonage' in commerce.sms.provider; this build knows: sink, twilio");
    }
}
