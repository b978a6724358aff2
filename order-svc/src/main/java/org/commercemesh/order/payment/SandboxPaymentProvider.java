package org.commercemesh.order.payment;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import org.commercemesh.platform.money.Amount;

import io.smallrye.mutiny.Uni;

/**
 * A gateway's test mode, in memory, chosen with {@code commerce.payment.provider=sandbox} (the
 * dev and test profiles do; production must name a real gateway). {@code tok_visa} is
 * authorized, {@code tok_declined} is declined, {@code tok_provider_error} never reaches the
 * gateway, {@code tok_provider_timeout} is authorized but the answer is lost on the way back,
 * anything else is an invalid token (declined). Outcomes are remembered per order id — the
 * idempotency key — for the life of the process, as a gateway remembers them for good.
 */
@ApplicationScoped
@Typed(SandboxPaymentProvider.class)
public class SandboxPaymentProvider implements PaymentProvider {

    public static final String SUCCEEDS = "tok_visa";
    public static final String DECLINED = "tok_declined";
    public static final String PROVIDER_ERROR = "tok_provider_error";
    public static final String ANSWER_LOST = "tok_provider_timeout";

    private final Map<UUID, Outcome> authorizations = new ConcurrentHashMap<>();
    private final Map<UUID, Outcome> captures = new ConcurrentHashMap<>();
    private final Map<UUID, Outcome> refunds = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Uni<Outcome> authorize(UUID orderId, Amount amount, String paymentToken) {
        if (PROVIDER_ERROR.equals(paymentToken)) {
            return Uni.createFrom().item(Outcome.error("gateway unreachable"));
        }
        Outcome outcome = authorizations.computeIfAbsent(orderId, id -> switch (paymentToken) {
            case SUCCEEDS, ANSWER_LOST -> Outcome.succeeded("auth_" + compact(id));
            case DECLINED -> Outcome.declined("card_declined");
            default -> Outcome.declined("invalid_token");
        });
        return Uni.createFrom().item(ANSWER_LOST.equals(paymentToken) ? Outcome.error("gateway timeout") : outcome);
    }

    @Override
    public Uni<Outcome> findAuthorization(UUID orderId) {
        Outcome outcome = authorizations.get(orderId);
        return Uni.createFrom().item(outcome == null ? Outcome.error("no authorization for this order") : outcome);
    }

    @Override
    public Uni<Outcome> capture(UUID orderId, String authorization, Amount amount) {
        if (!held(orderId, authorization)) {
            return Uni.createFrom().item(Outcome.declined("no_such_authorization"));
        }
        return Uni.createFrom().item(captures.computeIfAbsent(orderId, id -> Outcome.succeeded("ch_" + compact(id))));
    }

    @Override
    public Uni<Outcome> voidAuthorization(UUID orderId, String authorization) {
        if (!held(orderId, authorization) || captures.containsKey(orderId)) {
            return Uni.createFrom().item(Outcome.declined("nothing_to_void"));
        }
        authorizations.remove(orderId);
        return Uni.createFrom().item(Outcome.succeeded(authorization));
    }

    @Override
    public Uni<Outcome> refund(UUID orderId, Amount amount) {
        if (!captures.containsKey(orderId)) {
            return Uni.createFrom().item(Outcome.declined("nothing_to_refund"));
        }
        return Uni.createFrom().item(refunds.computeIfAbsent(orderId, id -> Outcome.succeeded("re_" + compact(id))));
    }

    private boolean held(UUID orderId, String authorization) {
        Outcome held = authorizations.get(orderId);
        return held != null && held.status() == Outcome.Status.SUCCEEDED && held.reference().equals(authorization);
    }

    private static String compact(UUID id) {
        return id.toString().replace("-", "");
    }
}
