package org.commercemesh.order.payment;

import java.util.UUID;

import org.commercemesh.platform.money.Amount;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Counts what the gateway answers, per operation and outcome ({@code commerce.payments}): a
 * rise in DECLINED is the shop's business, a rise in ERROR is the gateway's.
 */
final class MeteredPaymentProvider implements PaymentProvider {

    private final PaymentProvider gateway;
    private final MeterRegistry registry;

    MeteredPaymentProvider(PaymentProvider gateway, MeterRegistry registry) {
        this.gateway = gateway;
        this.registry = registry;
    }

    @Override
    public String name() {
        return gateway.name();
    }

    @Override
    public Uni<Outcome> authorize(UUID orderId, Amount amount, String paymentToken) {
        return counted("authorize", gateway.authorize(orderId, amount, paymentToken));
    }

    @Override
    public Uni<Outcome> findAuthorization(UUID orderId) {
        return counted("find_authorization", gateway.findAuthorization(orderId));
    }

    @Override
    public Uni<Outcome> capture(UUID orderId, String authorization, Amount amount) {
        return counted("capture", gateway.capture(orderId, authorization, amount));
    }

    @Override
    public Uni<Outcome> voidAuthorization(UUID orderId, String authorization) {
        return counted("void", gateway.voidAuthorization(orderId, authorization));
    }

    @Override
    public Uni<Outcome> refund(UUID orderId, Amount amount) {
        return counted("refund", gateway.refund(orderId, amount));
    }

    private Uni<Outcome> counted(String operation, Uni<Outcome> call) {
        return call.invoke(outcome -> Counter.builder("commerce.payments").description("Payment gateway answers")
                .tag("provider", gateway.name()).tag("operation", operation)
                .tag("outcome", outcome.status().name()).register(registry).increment());
    }
}
