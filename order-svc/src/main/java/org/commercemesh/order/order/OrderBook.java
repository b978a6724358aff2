package org.commercemesh.order.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.order.payment.CardHolds;
import org.commercemesh.order.payment.Payment;
import org.commercemesh.order.payment.PaymentProvider;
import org.commercemesh.platform.auth.AuthenticatedCaller;
import org.commercemesh.platform.auth.Scopes;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.commercemesh.platform.paging.PageRequest;

import io.grpc.Status;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Orders after checkout: reading (own orders; admins all), cancelling before PROCESSING,
 * fulfilment transitions and refunds, each with its event.
 */
@ApplicationScoped
public class OrderBook {

    private final PaymentProvider payments;
    private final OutboxWriter outbox;
    private final CardHolds holds;

    public OrderBook(PaymentProvider payments, OutboxWriter outbox, CardHolds holds) {
        this.payments = payments;
        this.outbox = outbox;
        this.holds = holds;
    }

    /** The caller's order (any order for admins and fulfilment partners); someone else's is NOT_FOUND. */
    public Uni<OrderView> get(AuthenticatedCaller caller, UUID orderId) {
        return Panache.withSession(() -> visible(caller, orderId).chain(Orders::view));
    }

    /** Newest first, keyset on (createdAt, id), one row beyond the page; customers see their own, admins all. */
    public Uni<List<OrderView>> list(AuthenticatedCaller caller, Optional<OrderState> status, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!caller.may(Scopes.ORDERS_FULFIL)) {
            where.add("userId = :user");
            parameters.and("user", caller.userId());
        }
        status.ifPresent(wanted -> {
            where.add("status = :status");
            parameters.and("status", wanted);
        });
        if (!page.isFirstPage()) {
            where.add("(createdAt < :createdAt or (createdAt = :createdAt and id < :id))");
            parameters.and("createdAt", page.instantAt(0)).and("id", page.uuidAt(1));
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by createdAt desc, id desc";
        return Panache.withSession(() -> CustomerOrder.<CustomerOrder>find(query, parameters).range(0, page.size()).list()
                .chain(Orders::views));
    }

    /** The buyer cancels before PROCESSING; a paid order is refunded first, then restocked through the event. */
    public Uni<OrderView> cancel(AuthenticatedCaller caller, UUID orderId, String reason) {
        return Panache.withSession(() -> visible(caller, orderId).chain(Orders::view)).chain(view -> {
            OrderState status = view.order().status;
            if (!status.cancellableByBuyer()) {
                throw new FailedPreconditionException("INVALID_STATUS_TRANSITION",
                        "an order can be cancelled before it is PROCESSING; this one is " + status);
            }
            Uni<Boolean> refunded = status == OrderState.CONFIRMED ? refund(view) : Uni.createFrom().item(false);
            return refunded.chain(paidBack -> Panache.withTransaction(() -> Orders.locked(orderId).chain(current -> {
                if (current.order().status != status) {
                    throw new FailedPreconditionException("INVALID_STATUS_TRANSITION", "the order changed meanwhile; try again");
                }
                CustomerOrder order = current.order();
                order.cancel(reason.isBlank() ? "CUSTOMER_REQUEST" : reason.strip(),
                        paidBack ? PaymentState.REFUNDED : PaymentState.VOIDED, Instant.now());
                return outbox.append(order.id.toString(), OrderEvents.cancelled(current, paidBack)).replaceWith(current);
            })).chain(cancelled -> paidBack ? Uni.createFrom().item(cancelled)
                    : holds.release(orderId, cancelled.order().paymentReference, cancelled.total()).replaceWith(cancelled)));
        });
    }

    /** Admin: CONFIRMED → PROCESSING → SHIPPED (tracking number) → DELIVERED. */
    public Uni<OrderView> advance(UUID orderId, OrderState target, String trackingNumber) {
        return Panache.withTransaction(() -> Orders.locked(orderId).chain(view -> {
            CustomerOrder order = view.order();
            order.advanceTo(target, trackingNumber, Instant.now());
            return switch (target) {
                case SHIPPED -> outbox.append(order.id.toString(), OrderEvents.shipped(view)).replaceWith(view);
                case DELIVERED -> outbox.append(order.id.toString(), OrderEvents.delivered(view)).replaceWith(view);
                default -> Uni.createFrom().item(view);
            };
        }));
    }

    /** Admin: pays a paid order back in full; OrderRefunded restocks its items. */
    public Uni<OrderView> refundOrder(UUID orderId, String reason) {
        return Panache.withSession(() -> Orders.locked(orderId)).chain(view -> {
            if (!view.order().status.paid()) {
                throw new FailedPreconditionException("INVALID_STATUS_TRANSITION",
                        "only a paid order can be refunded; this one is " + view.order().status);
            }
            return refund(view);
        }).chain(() -> Panache.withTransaction(() -> Orders.locked(orderId).chain(current -> {
            Instant now = Instant.now();
            current.order().refund(now);
            return outbox.append(orderId.toString(), OrderEvents.refunded(current,
                    reason.isBlank() ? "ADMIN_REFUND" : reason.strip(), now)).replaceWith(current);
        })));
    }

    /** Refunds through the provider and records it; true when money went back. */
    private Uni<Boolean> refund(OrderView view) {
        return payments.refund(view.order().id, view.total()).chain(outcome -> Panache.withTransaction(() ->
                Payment.of(view.order().id, Payment.Kind.REFUND, payments.name(), outcome, view.total()).persist())
                .map(saved -> switch (outcome.status()) {
                    case SUCCEEDED -> true;
                    case DECLINED -> throw new FailedPreconditionException("REFUND_DECLINED",
                            "the payment provider refused the refund: " + outcome.detail());
                    case ERROR -> throw Status.UNAVAILABLE.withDescription("the payment provider did not answer; try again")
                            .asRuntimeException();
                }));
    }

    private static Uni<CustomerOrder> visible(AuthenticatedCaller caller, UUID orderId) {
        return CustomerOrder.<CustomerOrder>findById(orderId).invoke(order -> {
            if (order == null || (!caller.may(Scopes.ORDERS_FULFIL) && !order.userId.equals(caller.userId()))) {
                throw new NotFoundException("order", orderId);
            }
        });
    }
}
