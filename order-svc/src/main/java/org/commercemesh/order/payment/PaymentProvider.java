package org.commercemesh.order.payment;

import java.util.UUID;

import org.commercemesh.platform.money.Amount;

import io.smallrye.mutiny.Uni;

/**
 * A card gateway. Every call carries the order id as idempotency key: charging or refunding
 * the same order again returns the first outcome and never moves money twice. Transport
 * failures and gateway errors surface as {@link Outcome.Status#ERROR}, not as exceptions, so
 * the caller can leave the order PENDING for the sweeper.
 */
public interface PaymentProvider {

    /** What the gateway said. */
    record Outcome(Status status, String reference, String detail) {

        public enum Status { SUCCEEDED, DECLINED, ERROR }

        public static Outcome succeeded(String reference) {
            return new Outcome(Status.SUCCEEDED, reference, "");
        }

        public static Outcome declined(String detail) {
            return new Outcome(Status.DECLINED, "", detail);
        }

        public static Outcome error(String detail) {
            return new Outcome(Status.ERROR, "", detail);
        }
    }

    String name();

    Uni<Outcome> charge(UUID orderId, Amount amount, String paymentToken);

    Uni<Outcome> refund(UUID orderId, Amount amount);
}
