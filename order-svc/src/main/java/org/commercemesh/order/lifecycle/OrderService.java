package org.commercemesh.order.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.order.payment.CardHolds;
import org.commercemesh.order.payment.Payment;
import org.commercemesh.order.payment.PaymentProvider;
import org.commercemesh.order.shipping.ShippingService;
import org.commercemesh.order.v1.Order;
import org.commercemesh.platform.audit.AuditLog;
import org.commercemesh.platform.audit.AuditLog.Change;
import org.commercemesh.platform.auth.AuthenticatedCaller;
import org.commercemesh.platform.auth.Scopes;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.error.NotFoundException;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.commercemesh.platform.paging.PageRequest;

import io.grpc.Status;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * Orders after checkout: reading (own orders; admins all), cancelling before PROCESSING,
 * fulfilment transitions and refunds, each with its event. Cancelling and refunding call the
 * payment provider between two transactions, so those open their transactions themselves.
 */
@ApplicationScoped
public class OrderService {

    private final OrderRepository orders;
    private final PaymentProvider payments;
    private final OutboxWriter outbox;
    private final CardHolds holds;
    private final OrderMetrics metrics;
    private final AuditLog audit;
    private final ShippingService shipping;

    public OrderService(OrderRepository orders, PaymentProvider payments, OutboxWriter outbox, CardHolds holds,
            OrderMetrics metrics, AuditLog audit, ShippingService shipping) {
        this.shipping = shipping;
        this.audit = audit;
        this.metrics = metrics;
        this.orders = orders;
        this.payments = payments;
        this.outbox = outbox;
        this.holds = holds;
    }

    /** The caller's order (any order for admins and fulfilment partners); someone else's is NOT_FOUND. */
    @WithSession
    public Uni<OrderWithLines> get(AuthenticatedCaller caller, UUID orderId) {
        return visible(caller, orderId).chain(orders::withLines);
    }

    /**
     * Order history from the read replica: newest first, keyset on (createdAt, id), one row beyond
     * the page; customers see their own, admins all.
     */
    public Uni<List<OrderWithLines>> list(AuthenticatedCaller caller, Optional<OrderState> status, PageRequest page) {
        Optional<UUID> buyer = caller.may(Scopes.ORDERS_FULFIL) ? Optional.empty() : Optional.of(caller.userId());
        return orders.page(buyer, status, page);
    }

    /** The buyer cancels before PROCESSING; a paid order is refunded first, then restocked through the event. */
    public Uni<OrderWithLines> cancel(AuthenticatedCaller caller, UUID orderId, String reason) {
        return Panache.withSession(() -> visible(caller, orderId).chain(orders::withLines)).chain(full -> {
            OrderState status = full.order().status;
            if (!status.cancellableByBuyer()) {
                throw new FailedPreconditionException("INVALID_STATUS_TRANSITION",
                        "an order can be cancelled before it is PROCESSING; this one is " + status);
            }
            Uni<Boolean> refunded = status == OrderState.CONFIRMED ? refund(full) : Uni.createFrom().item(false);
            return refunded
                    .chain(paidBack -> Panache.withTransaction(() -> orders.lockWithLines(orderId).chain(current -> {
                        if (current.order().status != status) {
                            throw new FailedPreconditionException("INVALID_STATUS_TRANSITION",
                                    "the order changed meanwhile; try again");
                        }
                        CustomerOrder order = current.order();
                        Order before = OrderMapper.toProto(current);
                        order.cancel(reason.isBlank() ? "CUSTOMER_REQUEST" : reason.strip(),
                                paidBack ? PaymentState.REFUNDED : PaymentState.VOIDED, Instant.now());
                        // A buyer cancelling their own order is no admin action.
                        boolean own = caller.isUser() && caller.userId().equals(order.userId);
                        return outbox.append(order.id.toString(), OrderEvents.cancelled(current, paidBack))
                                .call(() -> own
                                        ? Uni.createFrom().voidItem()
                                        : audit.record(new Change("order.cancel", "order", orderId.toString(), before,
                                                OrderMapper.toProto(current))))
                                .replaceWith(current);
                    })).invoke(() -> metrics.cancelled(OrderMetrics.BY_CUSTOMER)).chain(cancelled -> paidBack
                            ? Uni.createFrom().item(cancelled)
                            : holds.release(orderId, cancelled.order().paymentReference, cancelled.total())
                                    .replaceWith(cancelled)));
        });
    }

    /**
     * Admin: CONFIRMED → PROCESSING → SHIPPED → DELIVERED. SHIPPED without a tracking number ships
     * with the provider of the order's quoted rate first (outside the transaction: it is a call to
     * a carrier) and takes the carrier's number.
     */
    public Uni<OrderWithLines> advance(UUID orderId, OrderState target, String trackingNumber) {
        if (target != OrderState.SHIPPED || !trackingNumber.isBlank()) {
            return Panache.withTransaction(() -> advanceLocked(orderId, target, trackingNumber));
        }
        return Panache.withSession(() -> orders.getById(orderId)).chain(order -> {
            if (order.shippingQuoteId == null) {
                throw InvalidArgumentException.of("tracking_number",
                        "is required: the order was not placed with a quoted shipping rate");
            }
            if (order.status.next().filter(OrderState.SHIPPED::equals).isEmpty()) {
                throw new FailedPreconditionException("INVALID_STATUS_TRANSITION",
                        "an order that is " + order.status + " cannot become SHIPPED");
            }
            return shipping.ship(order.shippingQuoteId, orderId);
        }).chain(tracking -> Panache.withTransaction(() -> advanceLocked(orderId, target, tracking)));
    }

    private Uni<OrderWithLines> advanceLocked(UUID orderId, OrderState target, String trackingNumber) {
        return orders.lockWithLines(orderId).chain(full -> {
            CustomerOrder order = full.order();
            Order before = OrderMapper.toProto(full);
            order.advanceTo(target, trackingNumber, Instant.now());
            Uni<OrderWithLines> announced = switch (target) {
                case SHIPPED -> outbox.append(order.id.toString(), OrderEvents.shipped(full)).replaceWith(full);
                case DELIVERED -> outbox.append(order.id.toString(), OrderEvents.delivered(full)).replaceWith(full);
                default -> Uni.createFrom().item(full);
            };
            return announced.call(() -> audit.record(new Change("order.status_update", "order", orderId.toString(),
                    before, OrderMapper.toProto(full))));
        });
    }

    /** Admin: pays a paid order back in full; OrderRefunded restocks its items. */
    public Uni<OrderWithLines> refundOrder(UUID orderId, String reason) {
        return Panache.withSession(() -> orders.lockWithLines(orderId)).chain(full -> {
            if (!full.order().status.paid()) {
                throw new FailedPreconditionException("INVALID_STATUS_TRANSITION",
                        "only a paid order can be refunded; this one is " + full.order().status);
            }
            return refund(full);
        }).chain(() -> Panache.withTransaction(() -> orders.lockWithLines(orderId).chain(current -> {
            Instant now = Instant.now();
            Order before = OrderMapper.toProto(current);
            current.order().refund(now);
            return outbox.append(orderId.toString(), OrderEvents.refunded(current,
                    reason.isBlank() ? "ADMIN_REFUND" : reason.strip(), now))
                    .call(() -> audit.record(new Change("order.refund", "order", orderId.toString(), before,
                            OrderMapper.toProto(current))))
                    .replaceWith(current);
        })));
    }

    /** Refunds through the provider and records it; true when money went back. */
    private Uni<Boolean> refund(OrderWithLines full) {
        return payments.refund(full.order().id, full.total())
                .chain(outcome -> Panache.withTransaction(() -> Payment
                        .of(full.order().id, Payment.Kind.REFUND, payments.name(), outcome, full.total()).persist())
                        .map(saved -> switch (outcome.status()) {
                            case SUCCEEDED -> true;
                            case DECLINED -> throw new FailedPreconditionException("REFUND_DECLINED",
                                    "the payment provider refused the refund: " + outcome.detail());
                            case ERROR -> throw Status.UNAVAILABLE
                                    .withDescription("the payment provider did not answer; try again")
                                    .asRuntimeException();
                        }));
    }

    private Uni<CustomerOrder> visible(AuthenticatedCaller caller, UUID orderId) {
        return orders.findById(orderId).invoke(order -> {
            if (order == null || (!caller.may(Scopes.ORDERS_FULFIL) && !order.userId.equals(caller.userId()))) {
                throw new NotFoundException("order", orderId);
            }
        });
    }
}
