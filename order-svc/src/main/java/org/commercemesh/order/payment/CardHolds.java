package org.commercemesh.order.payment;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.money.Amount;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Lets go of the card hold of an order that was cancelled before it was captured. The gateway's
 * answer is recorded; a failure is only logged, since an uncaptured hold lapses by itself.
 */
@ApplicationScoped
public class CardHolds {

    private static final Logger LOG = Logger.getLogger(CardHolds.class);

    private final PaymentProvider payments;

    public CardHolds(PaymentProvider payments) {
        this.payments = payments;
    }

    /** Voids {@code authorization} (nothing to do when the order was never authorized). Call outside a transaction. */
    public Uni<Void> release(UUID orderId, String authorization, Amount amount) {
        if (authorization.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return payments.voidAuthorization(orderId, authorization)
                .chain(outcome -> Panache.withTransaction(
                        () -> Payment.of(orderId, Payment.Kind.VOID, payments.name(), outcome, amount).persist()))
                .onFailure()
                .invoke(failure -> LOG.warnf("could not void the card hold of order %s: %s", orderId, failure))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
