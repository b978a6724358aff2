package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.cart.v1.ApplyCouponRequest;
import org.commercemesh.cart.v1.Cart;
import org.commercemesh.cart.v1.Coupon;
import org.commercemesh.cart.v1.CouponServiceGrpc;
import org.commercemesh.cart.v1.CreateCouponRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.catalog.v1.SearchProductsRequest;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderServiceGrpc;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.order.v1.QuoteShippingRequest;
import org.commercemesh.order.v1.ShippingRate;
import org.commercemesh.order.v1.UpdateOrderStatusRequest;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.mail.Mailbox;
import org.commercemesh.testing.sms.TwilioApi.Text;
import org.commercemesh.user.v1.ConfirmPhoneVerificationRequest;
import org.commercemesh.user.v1.StartPhoneVerificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A buyer applies a coupon, picks a carrier's quoted rate at checkout and, having verified a
 * phone, hears about the order by e-mail (real SMTP) and by text (a local server speaking
 * Twilio's API) until the carrier (a local server speaking EasyPost's API) gives its tracking
 * number when the shop ships it.
 */
class NotificationsIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private static Mesh mesh;

    @BeforeAll
    static void startTheMesh() {
        mesh = Mesh.get();
    }

    @Test
    void givenACouponAQuotedCarrierRateAndAVerifiedPhone_whenShipped_thenEachStepArrivesByEmailAndText() {
        Shopper erin = Shopper.register(mesh);
        String phone = "+6689" + String.format("%07d", Math.floorMod(UUID.randomUUID().hashCode(), 10_000_000));
        erin.account().startPhoneVerification(StartPhoneVerificationRequest.newBuilder().setPhone(phone).build());
        erin.account().confirmPhoneVerification(ConfirmPhoneVerificationRequest.newBuilder()
                .setCode(mesh.sms().lastCodeTo(phone)).build());
        Product tent = erin.products().searchProducts(SearchProductsRequest.newBuilder().setQuery("camping tent")
                .setFilter(ProductFilter.newBuilder().setInStockOnly(true)).build()).getProducts(0);
        erin.cart().addCartItem(AddCartItemRequest.newBuilder().setProductId(tent.getId()).setQuantity(1).build());
        String code = "E2E" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Shopper.withToken(CouponServiceGrpc.newBlockingStub(mesh.channel("cart-svc")),
                TestTokens.admin(UUID.randomUUID()))
                .createCoupon(CreateCouponRequest.newBuilder().setCoupon(Coupon.newBuilder().setCode(code)
                        .setPercentOff(10).setMaxRedemptions(1)).build());
        Cart discounted = erin.cart().applyCoupon(ApplyCouponRequest.newBuilder().setCode(code).build()).getCart();
        ShippingRate express = erin.orders().quoteShipping(QuoteShippingRequest.getDefaultInstance()).getRatesList()
                .stream().filter(rate -> rate.getService().equals("Express")).findFirst().orElseThrow();

        Order order = erin.orders().placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPaymentToken("tok_visa").setShippingRateId(express.getId()).build()).getOrder();
        OrderServiceGrpc.OrderServiceBlockingStub admin = Shopper.withToken(
                OrderServiceGrpc.newBlockingStub(mesh.channel("order-svc")), TestTokens.admin(UUID.randomUUID()));
        admin.updateOrderStatus(UpdateOrderStatusRequest.newBuilder().setOrderId(order.getId())
                .setStatus(OrderStatus.ORDER_STATUS_PROCESSING).build());
        String tracking = admin.updateOrderStatus(UpdateOrderStatusRequest.newBuilder().setOrderId(order.getId())
                .setStatus(OrderStatus.ORDER_STATUS_SHIPPED).build()).getOrder().getTrackingNumber();

        assertThat(discounted.getCouponProblem()).isEmpty();
        assertThat(order.getCouponCode()).isEqualTo(code);
        assertThat(order.getDiscount()).isEqualTo(discounted.getDiscount());
        assertThat(Amount.fromProto(order.getDiscount()).value()).isPositive();
        assertThat(order.getShipping()).isEqualTo(express.getAmount());
        assertThat(order.getShippingCarrier()).isEqualTo("ThaiParcel");
        assertThat(mesh.carrier().purchases()).anySatisfy(bought -> {
            assertThat(bought.reference()).isEqualTo(order.getId());
            assertThat(bought.trackingCode()).isEqualTo(tracking);
        });
        String number = order.getOrderNumber();
        await().atMost(EVENTUALLY).until(() -> orderTexts(phone).size() == 2);
        assertThat(orderTexts(phone)).extracting(Text::body).containsExactly(
                "Order " + number + " is confirmed: " + Amount.fromProto(order.getTotal()).toDisplayString() + ".",
                "Order " + number + " is on its way. Tracking: " + tracking + ".");
        await().atMost(EVENTUALLY).until(() -> Mailbox.to(erin.email, "Your order " + number + " is on its way")
                .size() == 1);
        assertThat(Mailbox.to(erin.email, "Your order " + number + " is confirmed")).hasSize(1);
        assertThat(Mailbox.text(Mailbox.to(erin.email, "Your order " + number + " is on its way").get(0)))
                .contains("Tracking number: " + tracking);
    }

    private List<Text> orderTexts(String phone) {
        return mesh.sms().acceptedFor(phone).stream().filter(text -> text.body().startsWith("Order ")).toList();
    }
}
