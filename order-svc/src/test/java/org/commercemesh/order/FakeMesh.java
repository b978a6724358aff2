package org.commercemesh.order;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.commercemesh.cart.v1.Cart;
import org.commercemesh.cart.v1.CartItem;
import org.commercemesh.cart.v1.RedeemCouponRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.user.v1.Address;

import com.google.protobuf.Timestamp;
import com.google.type.Money;

/**
 * The state the in-process stand-ins for cart-, catalog- and user-svc serve: one buyer's cart,
 * the catalog's products and stock, the buyer's addresses. Tests run one at a time and set it
 * up in full before each checkout.
 */
public final class FakeMesh {

    static volatile Cart cart = Cart.getDefaultInstance();
    static final Map<String, Product> PRODUCTS = new ConcurrentHashMap<>();
    static final Map<String, Integer> STOCK = new ConcurrentHashMap<>();
    static final Map<String, Address> ADDRESSES = new ConcurrentHashMap<>();
    static volatile String defaultAddressId = "";
    /** What the fake cart-svc was asked to redeem. */
    static final List<RedeemCouponRequest> REDEMPTIONS = new CopyOnWriteArrayList<>();
    /** When set, the fake cart-svc refuses every coupon with this description. */
    static volatile String couponRefusal;

    private FakeMesh() {
    }

    public static Money thb(long units) {
        return Money.newBuilder().setCurrencyCode("THB").setUnits(units).build();
    }

    /** A fresh buyer's world: an ACTIVE product with stock, a cart holding {@code quantity} of it, a default address. */
    public static Product reset(long price, int stock, int quantity) {
        PRODUCTS.clear();
        STOCK.clear();
        ADDRESSES.clear();
        Product product = product("Espresso Machine", price, stock);
        cart(Map.of(product, quantity));
        Address home = Address.newBuilder().setId(UUID.randomUUID().toString()).setRecipientName("Ann Lee")
                .setLine1("1 Sukhumvit Rd").setCity("Bangkok").setPostalCode("10110").setCountryCode("TH")
                .setDeliveryInstructions("Leave it with the concierge")
                .setIsDefault(true).build();
        ADDRESSES.put(home.getId(), home);
        defaultAddressId = home.getId();
        return product;
    }

    public static Product product(String name, long price, int stock) {
        Product product = Product.newBuilder().setId(UUID.randomUUID().toString()).setSku("SKU-" + UUID.randomUUID())
                .setName(name).setStatus(ProductStatus.PRODUCT_STATUS_ACTIVE).setPrice(thb(price))
                .setEffectivePrice(thb(price)).setInStock(stock > 0).build();
        PRODUCTS.put(product.getId(), product);
        STOCK.put(product.getId(), stock);
        return product;
    }

    /** Puts a coupon on the current cart; {@code refusal} non-null makes its redemption fail with it. */
    public static void coupon(String code, String refusal) {
        cart = cart.toBuilder().setCouponCode(code).build();
        couponRefusal = refusal;
    }

    public static List<RedeemCouponRequest> redemptions() {
        return List.copyOf(REDEMPTIONS);
    }

    public static void cart(Map<Product, Integer> lines) {
        couponRefusal = null;
        Cart.Builder builder = Cart.newBuilder().setId(UUID.randomUUID().toString());
        Timestamp now = Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()).build();
        lines.forEach((product, quantity) -> builder.addItems(CartItem.newBuilder().setId(UUID.randomUUID().toString())
                .setProductId(product.getId()).setQuantity(quantity).setUnitPrice(product.getEffectivePrice())
                .setUpdateTime(now)));
        cart = builder.build();
    }

    /** Adds a line to the current cart, as the buyer would; the lines already there keep their ids and update times. */
    public static CartItem addLine(Product product, int quantity, Map<String, String> options) {
        CartItem line = CartItem.newBuilder().setId(UUID.randomUUID().toString()).setProductId(product.getId())
                .setQuantity(quantity).setUnitPrice(product.getEffectivePrice()).putAllOptions(options)
                .setUpdateTime(Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()).setNanos(123_000))
                .build();
        cart = cart.toBuilder().addItems(line).build();
        return line;
    }

    /** Replaces a product as the catalog would after an admin change. */
    public static void put(Product product) {
        PRODUCTS.put(product.getId(), product);
    }

    public static void noAddresses() {
        ADDRESSES.clear();
        defaultAddressId = "";
    }

    public static List<CartItem> cartItems() {
        return cart.getItemsList();
    }

    public static String cartId() {
        return cart.getId();
    }
}
