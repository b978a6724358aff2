package org.commercemesh.order.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PaymentStatus;
import org.commercemesh.platform.error.FailedPreconditionException;
import org.junit.jupiter.api.Test;

/** The order lifecycle as the entity states it: each move allowed from where it may happen, and only there. */
class CustomerOrderTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    static CustomerOrder opened() {
        CustomerOrder order = new CustomerOrder();
        order.open(NOW);
        return order;
    }

    static CustomerOrder confirmed() {
        CustomerOrder order = opened();
        order.confirm(NOW);
        return order;
    }

    @Test
    void givenAPaidOrder_whenFulfilled_thenItGoesProcessingShippedDeliveredWithItsTrackingNumberAndTimes() {
        CustomerOrder order = confirmed();

        order.advanceTo(OrderState.PROCESSING, "", NOW);
        order.advanceTo(OrderState.SHIPPED, "  TH123  ", NOW.plusSeconds(60));
        order.advanceTo(OrderState.DELIVERED, "", NOW.plusSeconds(120));

        assertThat(order.status).isEqualTo(OrderState.DELIVERED);
        assertThat(order.trackingNumber).isEqualTo("TH123");
        assertThat(order.shippedAt).isEqualTo(NOW.plusSeconds(60));
        assertThat(order.deliveredAt).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void givenAConfirmedOrder_whenShippedBeforeProcessing_thenTheMoveIsRefusedAndNothingChanges() {
        CustomerOrder order = confirmed();

        assertThatThrownBy(() -> order.advanceTo(OrderState.SHIPPED, "TH1", NOW))
                .isInstanceOf(FailedPreconditionException.class)
                .hasMessageContaining("an order cannot go from CONFIRMED to SHIPPED");
        assertThat(order.status).isEqualTo(OrderState.CONFIRMED);
        assertThat(order.trackingNumber).isEmpty();
    }

    @Test
    void givenAnOrderBeingPacked_thenItCanNoLongerBeCancelled_andAPendingOneCannotBeRefunded() {
        CustomerOrder packing = confirmed();
        packing.advanceTo(OrderState.PROCESSING, "", NOW);

        assertThatThrownBy(() -> packing.cancel("CUSTOMER_REQUEST", PaymentState.REFUNDED, NOW))
                .isInstanceOf(FailedPreconditionException.class);
        assertThatThrownBy(() -> opened().refund(NOW)).isInstanceOf(FailedPreconditionException.class);
        assertThatThrownBy(() -> confirmed().confirm(NOW)).isInstanceOf(FailedPreconditionException.class);
    }

    @Test
    void givenAPendingOrder_whenTheGatewayFailsThenTheCardIsDeclined_thenItEndsCancelledWithWhy() {
        CustomerOrder order = opened();

        order.paymentFailed(NOW);
        assertThat(order.isPending()).isTrue();
        order.cancel("PAYMENT_DECLINED", PaymentState.DECLINED, NOW);

        assertThat(order.isCancelled()).isTrue();
        assertThat(order.paymentStatus).isEqualTo(PaymentState.DECLINED);
        assertThat(order.cancelReason).isEqualTo("PAYMENT_DECLINED");
        assertThat(order.cancelledAt).isEqualTo(NOW);
    }

    @Test
    void givenEveryContractStatus_thenExactlyOneStateMapsToIt_andBack() {
        for (OrderStatus status : OrderStatus.values()) {
            boolean real = status != OrderStatus.ORDER_STATUS_UNSPECIFIED && status != OrderStatus.UNRECOGNIZED;
            assertThat(OrderState.of(status).map(OrderState::toProto)).as(status.name())
                    .isEqualTo(real ? Optional.of(status) : Optional.empty());
        }
        assertThat(Arrays.stream(PaymentState.values()).map(PaymentState::toProto))
                .containsExactlyInAnyOrder(Arrays.stream(PaymentStatus.values())
                        .filter(s -> s != PaymentStatus.PAYMENT_STATUS_UNSPECIFIED && s != PaymentStatus.UNRECOGNIZED)
                        .toArray(PaymentStatus[]::new));
    }
}
