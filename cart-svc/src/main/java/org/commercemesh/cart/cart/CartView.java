package org.commercemesh.cart.cart;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commercemesh.catalog.v1.Product;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.time.ProtoTime;

/**
 * A cart as the caller sees it: each line's snapshot price beside the price the catalog quotes
 * now. {@code current} is empty when the catalog could not be asked; lines then show no
 * current price rather than the cart failing.
 */
public record CartView(Cart cart, List<CartItem> items, Map<UUID, Product> current) {

    /** Used when the cart is empty and nothing is priced yet. */
    static final String DEFAULT_CURRENCY = "THB";

    public org.commercemesh.cart.v1.Cart toProto() {
        String currency = items.isEmpty() ? DEFAULT_CURRENCY : items.get(0).currency;
        Amount subtotal = Amount.zero(currency);
        boolean anyChanged = false;
        int count = 0;
        org.commercemesh.cart.v1.Cart.Builder message = org.commercemesh.cart.v1.Cart.newBuilder()
                .setId(cart.id.toString())
                .setUserId(cart.userId.toString())
                .setStatus(cart.status.toProto())
                .setExpireTime(ProtoTime.toProto(cart.expiresAt))
                .setCreateTime(ProtoTime.toProto(cart.createdAt))
                .setUpdateTime(ProtoTime.toProto(cart.updatedAt));
        for (CartItem item : items) {
            Amount unit = new Amount(item.unitPrice, item.currency);
            Amount line = unit.times(item.quantity);
            org.commercemesh.cart.v1.CartItem.Builder proto = org.commercemesh.cart.v1.CartItem.newBuilder()
                    .setId(item.id.toString())
                    .setProductId(item.productId.toString())
                    .setSku(item.sku)
                    .setName(item.name)
                    .setImageUrl(item.imageUrl)
                    .putAllOptions(CartOptions.parse(item.options))
                    .setQuantity(item.quantity)
                    .setUnitPrice(unit.toProto())
                    .setLineTotal(line.toProto())
                    .setAddTime(ProtoTime.toProto(item.addedAt))
                    .setUpdateTime(ProtoTime.toProto(item.updatedAt));
            Product product = current.get(item.productId);
            if (product != null) {
                Amount now = Amount.fromProto(product.getEffectivePrice());
                boolean changed = !now.currency().equals(unit.currency()) || now.value().compareTo(unit.value()) != 0;
                proto.setCurrentUnitPrice(now.toProto()).setPriceChanged(changed);
                anyChanged |= changed;
            }
            message.addItems(proto);
            subtotal = subtotal.plus(line);
            count += item.quantity;
        }
        return message.setSubtotal(subtotal.toProto()).setItemCount(count).setPriceChanged(anyChanged).build();
    }
}
