package org.commercemesh.order.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One exchange with the payment provider: a charge or a refund, and what came of it. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id", nullable = false)
    public UUID orderId;

    /** AUTHORIZATION, CHARGE (the capture), VOID or REFUND. */
    @Column(nullable = false)
    public String kind;

    /** SUCCEEDED, DECLINED or FAILED. */
    @Column(nullable = false)
    public String status;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(nullable = false, columnDefinition = "bpchar(3)")
    public String currency;

    @Column(nullable = false)
    public String provider;

    @Column(name = "provider_reference", nullable = false)
    public String providerReference;

    @Column(nullable = false)
    public String detail;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Payment of(UUID orderId, String kind, String provider, PaymentProvider.Outcome outcome,
            org.commercemesh.platform.money.Amount amount) {
        Payment payment = new Payment();
        payment.id = org.commercemesh.platform.id.Ids.newId();
        payment.orderId = orderId;
        payment.kind = kind;
        payment.status = switch (outcome.status()) {
            case SUCCEEDED -> "SUCCEEDED";
            case DECLINED -> "DECLINED";
            case ERROR -> "FAILED";
        };
        payment.amount = amount.value();
        payment.currency = amount.currency();
        payment.provider = provider;
        payment.providerReference = outcome.reference();
        payment.detail = outcome.detail();
        payment.createdAt = Instant.now();
        return payment;
    }
}
