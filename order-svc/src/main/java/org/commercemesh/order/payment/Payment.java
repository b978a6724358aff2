package org.commercemesh.order.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    /** What was asked of the provider; stored by name. */
    public enum Kind { AUTHORIZATION, CHARGE, VOID, REFUND }

    /** What came of it; stored by name. */
    public enum Result { SUCCEEDED, DECLINED, FAILED }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Result status;

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

    public static Payment of(UUID orderId, Kind kind, String provider, PaymentProvider.Outcome outcome,
            org.commercemesh.platform.money.Amount amount) {
        Payment payment = new Payment();
        payment.id = org.commercemesh.platform.id.Ids.newId();
        payment.orderId = orderId;
        payment.kind = kind;
        payment.status = switch (outcome.status()) {
            case SUCCEEDED -> Result.SUCCEEDED;
            case DECLINED -> Result.DECLINED;
            case ERROR -> Result.FAILED;
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
