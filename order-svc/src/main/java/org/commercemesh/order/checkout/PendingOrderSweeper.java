package org.commercemesh.order.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.order.lifecycle.CustomerOrder;
import org.commercemesh.order.lifecycle.OrderMetrics;
import org.commercemesh.order.lifecycle.OrderRepository;
import org.commercemesh.order.lifecycle.PaymentState;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Settles orders that stayed PENDING (design §8 step 10): a crash between steps, a catalog that
 * was down, or a payment gateway whose answer was lost. {@link Settlement#resume} picks up from
 * what the order records — it finds a lost authorization by idempotency key, reserves with
 * order-svc's own token, captures — so such an order is completed. One never authorized (the
 * gateway was unreachable, and the card token is not kept) or still unfinished after
 * {@code give-up-after} (when its reservation would have expired) is cancelled, its card hold
 * released, and OrderCancelled releases whatever stock is held.
 */
@ApplicationScoped
public class PendingOrderSweeper {

    private static final Logger LOG = Logger.getLogger(PendingOrderSweeper.class);

    private final OrderRepository orders;
    private final Settlement settlement;
    private final Duration settleAfter;
    private final Duration giveUpAfter;
    private final OrderMetrics metrics;

    public PendingOrderSweeper(OrderRepository orders, Settlement settlement,
            @ConfigProperty(name = "commerce.checkout.settle-after") Duration settleAfter,
            @ConfigProperty(name = "commerce.checkout.give-up-after") Duration giveUpAfter, OrderMetrics metrics) {
        this.orders = orders;
        this.settlement = settlement;
        this.settleAfter = settleAfter;
        this.giveUpAfter = giveUpAfter;
        this.metrics = metrics;
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return sweep().onFailure()
                .invoke(failure -> LOG.warnf("sweeping pending orders failed: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Settles every PENDING order older than {@code settle-after}; returns how many it looked at. */
    public Uni<Integer> sweep() {
        Instant now = Instant.now();
        return Panache.withSession(() -> orders.pendingSince(now.minus(settleAfter)))
                .chain(pending -> Multi.createFrom().iterable(pending)
                        .onItem().transformToUniAndConcatenate(order -> settleOne(order, now)
                                .onFailure()
                                .invoke(failure -> LOG.warnf("order %s stays PENDING: %s", order.id, failure))
                                .onFailure().recoverWithNull())
                        .collect().asList()
                        .map(List::size));
    }

    private Uni<Void> settleOne(CustomerOrder order, Instant now) {
        if (!order.createdAt.isBefore(now.minus(giveUpAfter))) {
            return Panache.withSession(() -> orders.withLines(order)).chain(settlement::resume)
                    .invoke(metrics::settled).replaceWithVoid();
        }
        String reason = !order.paymentReference.isEmpty() && !order.stockReserved
                ? Settlement.STOCK_UNCONFIRMED
                : Settlement.PAYMENT_TIMEOUT;
        return Panache.withTransaction(() -> orders.lockWithLines(order.id).chain(current -> current.order().isPending()
                ? settlement.cancel(current, reason, PaymentState.VOIDED)
                : Uni.createFrom().item(current)))
                .chain(settlement::releaseHold).invoke(metrics::settled).replaceWithVoid();
    }
}
