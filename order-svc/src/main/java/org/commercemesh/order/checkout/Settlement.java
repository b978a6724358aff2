package org.commercemesh.order.checkout;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.order.lifecycle.CustomerOrder;
import org.commercemesh.order.lifecycle.OrderEvents;
import org.commercemesh.order.lifecycle.OrderRepository;
import org.commercemesh.order.lifecycle.OrderWithLines;
import org.commercemesh.order.lifecycle.PaymentState;
import org.commercemesh.order.mesh.MeshClients;
import org.commercemesh.order.payment.CardHolds;
import org.commercemesh.order.payment.Payment;
import org.commercemesh.order.payment.PaymentProvider;
import org.commercemesh.order.payment.PaymentProvider.Outcome;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.jboss.logging.Logger;

import io.grpc.Status;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Settles a PENDING order (design §8): authorize the card (the token is exchanged for the
 * provider's reference, which the order keeps — never the token), reserve stock (all lines or
 * none, with order-svc's own token), capture, then CONFIRMED with OrderConfirmed or CANCELLED
 * with OrderCancelled. Each step is idempotent per order id and resumes from what the order
 * records, so the sweeper can finish an order a crash, a slow catalog or a lost gateway answer
 * left PENDING. Every status change re-reads the order under a lock and only moves a PENDING
 * one, so a request and the sweeper never both finish it.
 */
@ApplicationScoped
public class Settlement {

    static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    static final String STOCK_UNCONFIRMED = "STOCK_UNCONFIRMED";
    static final String PAYMENT_TIMEOUT = "PAYMENT_TIMEOUT";

    private static final Logger LOG = Logger.getLogger(Settlement.class);

    private final OrderRepository orders;
    private final MeshClients mesh;
    private final PaymentProvider payments;
    private final OutboxWriter outbox;
    private final CardHolds holds;

    public Settlement(OrderRepository orders, MeshClients mesh, PaymentProvider payments, OutboxWriter outbox,
            CardHolds holds) {
        this.orders = orders;
        this.mesh = mesh;
        this.payments = payments;
        this.outbox = outbox;
        this.holds = holds;
    }

    /** Checkout: authorizes with the buyer's card token, then reserves and captures; returns the order as it ended up. */
    public Uni<OrderWithLines> settle(OrderWithLines view, String paymentToken) {
        return payments.authorize(view.order().id, view.total(), paymentToken)
                .chain(outcome -> authorized(view.order().id, outcome))
                .chain(this::reserveAndCapture);
    }

    /**
     * The sweeper: an order whose authorization answer was lost asks the provider for it by
     * idempotency key; an authorized order is then reserved and captured. Without an
     * authorization nothing can be charged (the token is gone), so the order waits to be given up.
     */
    public Uni<OrderWithLines> resume(OrderWithLines view) {
        Uni<OrderWithLines> withAuthorization = view.order().paymentReference.isEmpty()
                ? payments.findAuthorization(view.order().id)
                        .chain(outcome -> outcome.status() == Outcome.Status.SUCCEEDED
                                ? authorized(view.order().id, outcome)
                                : Uni.createFrom().item(view))
                : Uni.createFrom().item(view);
        return withAuthorization.chain(this::reserveAndCapture);
    }

    /** Cancels a PENDING order (nothing was captured); call inside a transaction with the order locked. */
    public Uni<OrderWithLines> cancel(OrderWithLines view, String reason, PaymentState payment) {
        CustomerOrder order = view.order();
        order.cancel(reason, payment, Instant.now());
        return outbox.append(order.id.toString(), OrderEvents.cancelled(view, false)).replaceWith(view);
    }

    /** Lets a cancelled order's card hold go. */
    public Uni<OrderWithLines> releaseHold(OrderWithLines view) {
        CustomerOrder order = view.order();
        return order.isCancelled()
                ? holds.release(order.id, order.paymentReference, view.total()).replaceWith(view)
                : Uni.createFrom().item(view);
    }

    private Uni<OrderWithLines> authorized(UUID orderId, Outcome outcome) {
        return Panache.withTransaction(() -> orders.lockWithLines(orderId).chain(current -> {
            Payment payment = Payment.of(orderId, Payment.Kind.AUTHORIZATION, payments.name(), outcome,
                    current.total());
            CustomerOrder order = current.order();
            if (!order.isPending()) {
                return payment.persist().replaceWith(current);
            }
            return payment.persist().chain(() -> switch (outcome.status()) {
                case SUCCEEDED -> {
                    order.paymentReference = outcome.reference();
                    order.updatedAt = Instant.now();
                    yield Uni.createFrom().item(current);
                }
                case DECLINED -> cancel(current, PAYMENT_DECLINED, PaymentState.DECLINED);
                case ERROR -> failedPayment(current);
            });
        }));
    }

    private Uni<OrderWithLines> reserveAndCapture(OrderWithLines view) {
        if (!view.order().isPending() || view.order().paymentReference.isEmpty()) {
            return Uni.createFrom().item(view);
        }
        return reserve(view).chain(reserved -> reserved.order().isPending() && reserved.order().stockReserved
                ? capture(reserved)
                : Uni.createFrom().item(reserved));
    }

    private Uni<OrderWithLines> reserve(OrderWithLines view) {
        if (view.order().stockReserved) {
            return Uni.createFrom().item(view);
        }
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        view.lines().forEach(item -> lines.merge(item.productId, item.quantity, Integer::sum));
        UUID orderId = view.order().id;
        return mesh.reserve(orderId, lines)
                .chain(() -> Panache.withTransaction(() -> orders.lockWithLines(orderId).invoke(current -> {
                    current.order().stockReserved = true;
                    current.order().updatedAt = Instant.now();
                })))
                .onFailure().recoverWithUni(failure -> {
                    if (Status.fromThrowable(failure).getCode() != Status.Code.FAILED_PRECONDITION) {
                        // catalog-svc down or slow: the order stays PENDING and the sweeper reserves it later.
                        LOG.warnf("order %s stays PENDING, stock not reserved yet: %s", orderId, failure.getMessage());
                        return Uni.createFrom().item(view);
                    }
                    return Panache
                            .withTransaction(() -> orders.lockWithLines(orderId)
                                    .chain(current -> current.order().isPending()
                                            ? cancel(current, OUT_OF_STOCK, PaymentState.VOIDED)
                                            : Uni.createFrom().item(current)))
                            .chain(this::releaseHold);
                });
    }

    private Uni<OrderWithLines> capture(OrderWithLines view) {
        CustomerOrder order = view.order();
        return payments.capture(order.id, order.paymentReference, view.total())
                .chain(outcome -> Panache.withTransaction(() -> orders.lockWithLines(order.id).chain(current -> {
                    Payment payment = Payment.of(order.id, Payment.Kind.CHARGE, payments.name(), outcome,
                            current.total());
                    if (!current.order().isPending()) {
                        return payment.persist().replaceWith(current);
                    }
                    return payment.persist().chain(() -> switch (outcome.status()) {
                        case SUCCEEDED -> confirm(current);
                        case DECLINED -> cancel(current, PAYMENT_DECLINED, PaymentState.DECLINED);
                        case ERROR -> failedPayment(current);
                    });
                })).chain(settled -> refundWhenCancelledMeanwhile(settled, outcome)));
    }

    // The buyer may cancel a PENDING order while its capture is under way: money taken for an
    // order that is no longer CONFIRMED goes straight back.
    private Uni<OrderWithLines> refundWhenCancelledMeanwhile(OrderWithLines settled, Outcome capture) {
        if (capture.status() != Outcome.Status.SUCCEEDED || !settled.order().isCancelled()) {
            return Uni.createFrom().item(settled);
        }
        UUID orderId = settled.order().id;
        return payments.refund(orderId, settled.total())
                .chain(refund -> Panache.withTransaction(() -> Payment
                        .of(orderId, Payment.Kind.REFUND, payments.name(), refund, settled.total()).persist()))
                .replaceWith(settled);
    }

    private static Uni<OrderWithLines> failedPayment(OrderWithLines current) {
        current.order().paymentFailed(Instant.now());
        return Uni.createFrom().item(current);
    }

    private Uni<OrderWithLines> confirm(OrderWithLines view) {
        CustomerOrder order = view.order();
        order.confirm(Instant.now());
        return outbox.append(order.id.toString(), OrderEvents.confirmed(view)).replaceWith(view);
    }
}
