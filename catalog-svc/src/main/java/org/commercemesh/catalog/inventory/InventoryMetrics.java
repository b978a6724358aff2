package org.commercemesh.catalog.inventory;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.error.FailedPreconditionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the inventory refuses, as an operator watches it: reservations refused for lack of stock
 * ({@code commerce.stock.outs}) and reservations that expired before their order was confirmed
 * ({@code commerce.reservations.expired}) — the second means checkout is slower than the
 * reservation's time to live.
 */
@ApplicationScoped
public class InventoryMetrics {

    private final MeterRegistry registry;

    public InventoryMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void refused(FailedPreconditionException refusal) {
        switch (refusal.reason()) {
            case "OUT_OF_STOCK" -> Counter.builder("commerce.stock.outs")
                    .description("Reservations refused: not enough stock").register(registry).increment();
            case "RESERVATION_EXPIRED" -> Counter.builder("commerce.reservations.expired")
                    .description("Reservations that expired before their order confirmed them").register(registry)
                    .increment();
            default -> {
                // Other refusals (a product not on sale, a released reservation) are the caller's to count.
            }
        }
    }
}
