package org.commercemesh.order.lifecycle;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;

/**
 * The order business as an operator watches it (README, operations): orders placed, confirmed
 * and cancelled by reason, and how long checkout takes by how it ended. Counted after the
 * change committed, by the code path that made it, so each order counts once per outcome.
 */
@ApplicationScoped
public class OrderMetrics {

    /** Buyers write their own reasons; the metric keeps one tag value for all of them. */
    public static final String BY_CUSTOMER = "CUSTOMER_REQUEST";

    private final MeterRegistry registry;

    public OrderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void placed() {
        Counter.builder("commerce.orders.placed").description("Orders written by PlaceOrder").register(registry)
                .increment();
    }

    /** A checkout or the sweeper finished an order: counts CONFIRMED or CANCELLED, nothing for PENDING. */
    public void settled(OrderWithLines view) {
        CustomerOrder order = view.order();
        if (order.status == OrderState.CONFIRMED) {
            Counter.builder("commerce.orders.confirmed").description("Orders paid for with their stock reserved")
                    .register(registry).increment();
        } else if (order.isCancelled()) {
            cancelled(order.cancelReason);
        }
    }

    public void cancelled(String reason) {
        Counter.builder("commerce.orders.cancelled").description("Orders cancelled, by reason").tag("reason", reason)
                .register(registry).increment();
    }

    /** Times a PlaceOrder call, tagged with how it ended: the order's status, or the refusal's class. */
    public Uni<OrderWithLines> checkout(Supplier<Uni<OrderWithLines>> call) {
        Timer.Sample started = Timer.start(registry);
        return call.get().onItemOrFailure().invoke((view, failure) -> started.stop(Timer
                .builder("commerce.checkout.duration").description("PlaceOrder from request to answer")
                .publishPercentileHistogram()
                .tag("outcome", failure != null ? failure.getClass().getSimpleName() : view.order().status.name())
                .register(registry)));
    }
}
