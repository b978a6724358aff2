package org.commercemesh.order.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

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
    public UUID orderId;

    /** What was asked of the provider; stored by name. */
    public enum Kind {
        AUTHORIZATION, CHARGE, VOID, REFUND
    }

    /** What came of it; stored by name. */
    public enum Result {
        SUCCEEDED, DECLINED, FAILED
    }

    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Enumerated(EnumType.STRING)
    public Result status;
    public BigDecimal amount;
    public String currency;
    public String provider;
    public String providerReference;
    public String detail;
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
