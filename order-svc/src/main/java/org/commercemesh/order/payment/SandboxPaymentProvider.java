package org.commercemesh.order.payment;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.money.Amount;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;

/**
 * A gateway's test mode, in memory: {@code tok_visa} succeeds, {@code tok_declined} is declined,
 * {@code tok_provider_error} fails as an unreachable gateway would, anything else is an invalid
 * token (declined). Outcomes are remembered per order id — the idempotency key — for the life
 * of the process, as a gateway remembers them for good. A real provider replaces this bean.
 */
@ApplicationScoped
@DefaultBean
public class SandboxPaymentProvider implements PaymentProvider {

    public static final String SUCCEEDS = "tok_visa";
    public static final String DECLINED = "tok_declined";
    public static final String PROVIDER_ERROR = "tok_provider_error";

    private final Map<UUID, Outcome> charges = new ConcurrentHashMap<>();
    private final Map<UUID, Outcome> refunds = new ConcurrentHashMap<>();

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public Uni<Outcome> charge(UUID orderId, Amount amount, String paymentToken) {
        if (PROVIDER_ERROR.equals(paymentToken)) {
            return Uni.createFrom().item(Outcome.error("gateway timeout"));
        }
        return Uni.createFrom().item(charges.computeIfAbsent(orderId, id -> switch (paymentToken) {
            case SUCCEEDS -> Outcome.succeeded("ch_" + id.toString().replace("-", ""));
            case DECLINED -> Outcome.declined("card_declined");
            default -> Outcome.declined("invalid_token");
        }));
    }

    @Override
    public Uni<Outcome> refund(UUID orderId, Amount amount) {
        Outcome charge = charges.get(orderId);
        if (charge == null || charge.status() != Outcome.Status.SUCCEEDED) {
            return Uni.createFrom().item(Outcome.declined("nothing_to_refund"));
        }
        return Uni.createFrom().item(refunds.computeIfAbsent(orderId,
                id -> Outcome.succeeded("re_" + id.toString().replace("-", ""))));
    }

}
