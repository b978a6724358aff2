package org.commercemesh.order.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PaymentProvidersTest {

    @Test
    void givenNoProviderConfigured_whenStarting_thenTheServiceRefusesAndSaysWhatToSet() {
        Throwable refused = catchThrowable(() -> new PaymentProviders(Optional.empty(), null, null).selected());

        assertThat(refused).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no payment provider is configured")
                .hasMessageContaining("COMMERCE_PAYMENT_PROVIDER");
    }

    @Test
    void givenAnUnknownProvider_whenStarting_thenTheServiceRefusesAndNamesWhatItKnows() {
        Throwable refused = catchThrowable(() -> new PaymentProviders(Optional.of("stripe"), null, null).selected());

        assertThat(refused).hasMessageContaining("unknown payment provider 'stripe'").hasMessageContaining("sandbox");
    }
}
