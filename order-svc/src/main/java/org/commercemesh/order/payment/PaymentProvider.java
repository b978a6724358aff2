package org.commercemesh.order.payment;

import java.util.UUID;

import org.commercemesh.platform.money.Amount;

import io.smallrye.mutiny.Uni;

/**
 * A card gateway, used the way gateways are meant to be: the buyer's card token is exchanged
 * at once for an authorization (a hold on the card) whose reference the order keeps — the token
 * itself is never stored — and the money moves when that authorization is captured, once the
 * stock is reserved. Every call carries the order id as idempotency key: the same call again
 * returns the first outcome and never moves money twice, and {@link #findAuthorization} asks
 * what became of an authorization whose answer was lost. Transport failures and gateway errors
 * surface as {@link Outcome.Status#ERROR}, not as exceptions, so the caller can leave the order
 * PENDING for the sweeper.
 */
public interface PaymentProvider {

    /** What the gateway said. */
    record Outcome(Status status, String reference, String detail) {

        public enum Status {
            SUCCEEDED, DECLINED, ERROR
        }

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

    /** How {@code commerce.payment.provider} names this gateway. */
    String name();

    /** Holds {@code amount} on the card behind {@code paymentToken}; the reference names the hold. */
    Uni<Outcome> authorize(UUID orderId, Amount amount, String paymentToken);

    /** The authorization made for this order, when the gateway has one; ERROR when it has none or cannot say. */
    Uni<Outcome> findAuthorization(UUID orderId);

    /** Takes the held money. */
    Uni<Outcome> capture(UUID orderId, String authorization, Amount amount);

    /** Lets the hold go without taking anything. */
    Uni<Outcome> voidAuthorization(UUID orderId, String authorization);

    /** Pays captured money back. */
    Uni<Outcome> refund(UUID orderId, Amount amount);
}
