package org.commercemesh.order.lifecycle;

import java.util.List;

import org.commercemesh.order.v1.OrderEventLine;
import org.commercemesh.platform.money.Amount;

/** An order with its lines: what every use case loads, changes and announces. */
public record OrderWithLines(CustomerOrder order, List<OrderLine> lines) {

    /** The lines as events carry them. */
    public List<OrderEventLine> eventLines() {
        return lines.stream().map(line -> OrderEventLine.newBuilder().setProductId(line.productId.toString())
                .setQuantity(line.quantity).putAllOptions(line.optionsMap())
                .setCartItemId(line.cartItemId == null ? "" : line.cartItemId.toString()).build()).toList();
    }

    public Amount total() {
        return new Amount(order.total, order.currency);
    }
}
