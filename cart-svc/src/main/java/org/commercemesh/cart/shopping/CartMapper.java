package org.commercemesh.cart.shopping;

import org.commercemesh.cart.v1.Cart;
import org.commercemesh.cart.v1.CartItem;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.time.ProtoTime;

/** Carts to commerce.cart.v1 messages, with totals and the price-changed flags worked out here. */
public final class CartMapper {

    /** Used when the cart is empty and nothing is priced yet. */
    static final String DEFAULT_CURRENCY = "THB";

    private CartMapper() {
    }

    static String currencyOf(PricedCart priced) {
        return priced.lines().isEmpty() ? DEFAULT_CURRENCY : priced.lines().get(0).currency;
    }

    public static Cart toProto(PricedCart priced) {
        ShoppingCart cart = priced.cart();
        String currency = currencyOf(priced);
        Amount subtotal = Amount.zero(currency);
        boolean anyChanged = false;
        int count = 0;
        Cart.Builder message = Cart.newBuilder()
                .setId(cart.id.toString())
                .setUserId(cart.userId.toString())
                .setStatus(cart.status.toProto())
                .setExpireTime(ProtoTime.toProto(cart.expiresAt))
                .setCreateTime(ProtoTime.toProto(cart.createdAt))
                .setUpdateTime(ProtoTime.toProto(cart.updatedAt));
        for (CartLine line : priced.lines()) {
            Amount unit = new Amount(line.unitPrice, line.currency);
            Amount total = unit.times(line.quantity);
            CartItem.Builder item = CartItem.newBuilder()
                    .setId(line.id.toString())
                    .setProductId(line.productId.toString())
                    .setSku(line.sku)
                    .setName(line.name)
                    .setImageUrl(line.imageUrl)
                    .putAllOptions(CartOptions.parse(line.options))
                    .setQuantity(line.quantity)
                    .setUnitPrice(unit.toProto())
                    .setLineTotal(total.toProto())
                    .setAddTime(ProtoTime.toProto(line.addedAt))
                    .setUpdateTime(ProtoTime.toProto(line.updatedAt));
            Product product = priced.current().get(line.productId);
            if (product != null) {
                Amount now = Amount.fromProto(product.getEffectivePrice());
                boolean changed = !now.currency().equals(unit.currency()) || now.value().compareTo(unit.value()) != 0;
                item.setCurrentUnitPrice(now.toProto()).setPriceChanged(changed);
                anyChanged |= changed;
            }
            message.addItems(item);
            subtotal = subtotal.plus(total);
            count += line.quantity;
        }
        message.setDiscount(Amount.zero(currency).toProto());
        if (cart.couponCode != null) {
            message.setCouponCode(cart.couponCode);
            if (priced.coupon() != null) {
                message.setDiscount(priced.coupon().discount().toProto())
                        .setCouponProblem(priced.coupon().applies() ? "" : priced.coupon().problem());
            }
        }
        return message.setSubtotal(subtotal.toProto()).setItemCount(count).setPriceChanged(anyChanged).build();
    }
}
