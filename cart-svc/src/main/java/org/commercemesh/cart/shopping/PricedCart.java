package org.commercemesh.cart.shopping;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commercemesh.catalog.v1.Product;

/**
 * A cart as the caller sees it: each line's snapshot price beside the price the catalog quotes
 * now. {@code current} is empty when the catalog could not be asked; lines then show no
 * current price rather than the cart failing.
 */
public record PricedCart(ShoppingCart cart, List<CartLine> lines, Map<UUID, Product> current) {
}
