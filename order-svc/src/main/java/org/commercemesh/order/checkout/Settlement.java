package org.commercemesh.order.checkout;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.order.mesh.MeshClients;
import org.commercemesh.order.order.CustomerOrder;
import org.commercemesh.order.order.OrderEvents;
import org.commercemesh.order.order.OrderView;
import org.commercemesh.order.order.Orders;
import org.commercemesh.order.payment.Payment;
import org.commercemesh.order.payment.PaymentProvider;
import org.commercemesh.platform.outbox.OutboxWriter;

import io.grpc.Status;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Steps 7–9 of checkout (design §8) for a PENDING order: reserve stock (all lines or none),
 * charge through the provider, then CONFIRMED with OrderConfirmed or CANCELLED with
 * OrderCancelled. Every step is idempotent per order id, so the sweeper can run it again on
 * an order a crash or a provider error left PENDING. Finishing re-reads the order under a lock
 * and only moves a PENDING one, so a request and the sweeper never both finish it.
 */
@ApplicationScoped
public class Settlement {

    static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    static final String STOCK_UNCONFIRMED = "STOCK_UNCONFIRMED";
    static final String PAYMENT_TIMEOUT = "PAYMENT_TIMEOUT";

    private final MeshClients mesh;
    private final PaymentProvider payments;
    private final OutboxWriter outbox;

    public Settlement(MeshClients mesh, PaymentProvider payments, OutboxWriter outbox) {
        this.mesh = mesh;
        this.payments = payments;
        this.outbox = outbox;
    }

    /** Reserves (with the buyer's token) and charges; returns the order as it ended up. */
    public Uni<OrderView> settle(OrderView view, String buyerToken) {
        return reserve(view, buyerToken).chain(reserved -> reserved.order().status.equals("PENDING")
                ? charge(reserved) : Uni.createFrom().item(reserved));
    }

    /** Charges an order whose stock is already reserved (the sweeper has no buyer token to reserve with). */
    public Uni<OrderView> charge(OrderView view) {
        CustomerOrder order = view.order();
        return payments.charge(order.id, view.total(), order.paymentMethod)
                .chain(outcome -> Panache.withTransaction(() -> Orders.locked(order.id).chain(current -> {
                    Payment payment = Payment.of(order.id, "CHARGE", payments.name(), outcome, current.total());
                    if (!current.order().status.equals("PENDING")) {
                        return payment.persist().replaceWith(current);
                    }
                    return payment.persist().chain(() -> switch (outcome.status()) {
                        case SUCCEEDED -> confirm(current);
                        case DECLINED -> cancel(current, PAYMENT_DECLINED, "DECLINED");
                        case ERROR -> {
                            current.order().paymentStatus = "FAILED";
                            current.order().updatedAt = Instant.now();
                            yield Uni.createFrom().item(current);
                        }
                    });
                })));
    }

    /** Cancels a PENDING order (nothing was charged); call inside a transaction with the order locked. */
    public Uni<OrderView> cancel(OrderView view, String reason, String paymentStatus) {
        CustomerOrder order = view.order();
        Instant now = Instant.now();
        order.status = "CANCELLED";
        order.paymentStatus = paymentStatus;
        order.cancelReason = reason;
        order.cancelledAt = now;
        order.updatedAt = now;
        return outbox.append(order.id.toString(), OrderEvents.cancelled(view, false)).replaceWith(view);
    }

    private Uni<OrderView> reserve(OrderView view, String buyerToken) {
        if (view.order().stockReserved) {
            return Uni.createFrom().item(view);
        }
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        view.items().forEach(item -> lines.merge(item.productId, item.quantity, Integer::sum));
        UUID orderId = view.order().id;
        return mesh.reserve(orderId, lines, buyerToken)
                .chain(() -> Panache.withTransaction(() -> Orders.locked(orderId).invoke(current -> {
                    current.order().stockReserved = true;
                    current.order().updatedAt = Instant.now();
                })))
                .onFailure().recoverWithUni(failure -> {
                    boolean refused = Status.fromThrowable(failure).getCode() == Status.Code.FAILED_PRECONDITION;
                    Uni<OrderView> cancelled = Panache.withTransaction(() -> Orders.locked(orderId).chain(current ->
                            current.order().status.equals("PENDING")
                                    ? cancel(current, refused ? OUT_OF_STOCK : STOCK_UNCONFIRMED, "VOIDED")
                                    : Uni.createFrom().item(current)));
                    return refused ? cancelled : cancelled.chain(() -> Uni.createFrom().failure(failure));
                });
    }

    private Uni<OrderView> confirm(OrderView view) {
        CustomerOrder order = view.order();
        Instant now = Instant.now();
        order.status = "CONFIRMED";
        order.paymentStatus = "PAID";
        order.confirmedAt = now;
        order.updatedAt = now;
        return outbox.append(order.id.toString(), OrderEvents.confirmed(view)).replaceWith(view);
    }
}
