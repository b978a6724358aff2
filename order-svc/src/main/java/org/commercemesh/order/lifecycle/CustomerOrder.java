package org.commercemesh.order.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.commercemesh.platform.error.FailedPreconditionException;
import org.commercemesh.platform.persistence.TrackedEntity;
import org.hibernate.annotations.ColumnTransformer;

/**
 * An order with its amounts and address snapshots (table customer_order). Its status moves
 * only through the methods below, which refuse what the lifecycle does not allow.
 */
@Entity
@Table(name = "customer_order")
public class CustomerOrder extends TrackedEntity {

    public String orderNumber;
    public UUID userId;
    public String requestId;
    public UUID cartId;
    @Enumerated(EnumType.STRING)
    public OrderState status;
    @Enumerated(EnumType.STRING)
    public PaymentState paymentStatus;

    /** The provider's reference of the successful charge; empty until paid. The card token is never kept. */
    public String paymentReference;
    public String currency;
    public BigDecimal subtotal;
    public BigDecimal tax;
    public BigDecimal shipping;
    public BigDecimal discount;
    public BigDecimal total;

    /** AddressSnapshot as proto3 JSON; written through a text cast (see catalog's Product). */
    @ColumnTransformer(read = "shipping_address::text", write = "cast(cast(? as text) as jsonb)")
    public String shippingAddress;
    @ColumnTransformer(read = "billing_address::text", write = "cast(cast(? as text) as jsonb)")
    public String billingAddress;

    /** Whether catalog-svc holds a reservation for this order. */
    public boolean stockReserved;
    public String trackingNumber;
    /** The shipping rate the order was placed with; null when the flat fee applied. */
    public UUID shippingQuoteId;
    public String shippingCarrier = "";
    public String shippingService = "";
    /** The coupon redeemed for the order, or empty. */
    public String couponCode = "";
    public String cancelReason;
    public String notes;
    public Instant confirmedAt;
    public Instant shippedAt;
    public Instant deliveredAt;
    public Instant cancelledAt;

    /** A new order, before any payment. */
    public void open(Instant now) {
        status = OrderState.PENDING;
        paymentStatus = PaymentState.PENDING;
        paymentReference = "";
        trackingNumber = "";
        cancelReason = "";
        createdAt = now;
        updatedAt = now;
    }

    public boolean isPending() {
        return status == OrderState.PENDING;
    }

    public boolean isCancelled() {
        return status == OrderState.CANCELLED;
    }

    /** The charge went through: PENDING → CONFIRMED, paid. */
    public void confirm(Instant now) {
        require(isPending(), OrderState.CONFIRMED);
        status = OrderState.CONFIRMED;
        paymentStatus = PaymentState.PAID;
        confirmedAt = now;
        updatedAt = now;
    }

    /** The gateway did not answer: the order stays PENDING for the sweeper. */
    public void paymentFailed(Instant now) {
        require(isPending(), OrderState.PENDING);
        paymentStatus = PaymentState.FAILED;
        updatedAt = now;
    }

    /** Ends the order with why, and where its money went (VOIDED, DECLINED, REFUNDED). */
    public void cancel(String reason, PaymentState payment, Instant now) {
        require(status.cancellableByBuyer(), OrderState.CANCELLED);
        status = OrderState.CANCELLED;
        paymentStatus = payment;
        cancelReason = reason;
        cancelledAt = now;
        updatedAt = now;
    }

    /** Fulfilment: CONFIRMED → PROCESSING → SHIPPED (with its tracking number) → DELIVERED. */
    public void advanceTo(OrderState target, String tracking, Instant now) {
        require(status.next().filter(target::equals).isPresent(), target);
        status = target;
        updatedAt = now;
        if (target == OrderState.SHIPPED) {
            trackingNumber = tracking.strip();
            shippedAt = now;
        } else if (target == OrderState.DELIVERED) {
            deliveredAt = now;
        }
    }

    /** Paid back in full. */
    public void refund(Instant now) {
        require(status.paid(), OrderState.REFUNDED);
        status = OrderState.REFUNDED;
        paymentStatus = PaymentState.REFUNDED;
        updatedAt = now;
    }

    private void require(boolean allowed, OrderState target) {
        if (!allowed) {
            throw new FailedPreconditionException("INVALID_STATUS_TRANSITION",
                    "an order cannot go from " + status + " to " + target);
        }
    }
}
