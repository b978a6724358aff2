package org.commercemesh.cart.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.commercemesh.cart.FakeCatalog;
import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.cart.v1.ApplyCouponRequest;
import org.commercemesh.cart.v1.Cart;
import org.commercemesh.cart.v1.CartService;
import org.commercemesh.cart.v1.Coupon;
import org.commercemesh.cart.v1.CouponService;
import org.commercemesh.cart.v1.CreateCouponRequest;
import org.commercemesh.cart.v1.GetCartRequest;
import org.commercemesh.cart.v1.GetCouponRequest;
import org.commercemesh.cart.v1.ListCouponsRequest;
import org.commercemesh.cart.v1.RedeemCouponRequest;
import org.commercemesh.cart.v1.RedeemLine;
import org.commercemesh.cart.v1.RemoveCouponRequest;
import org.commercemesh.cart.v1.UpdateCouponRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductCategory;
import org.commercemesh.order.v1.OrderCancelled;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.kafka.TestKafka;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CouponTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @GrpcClient("cart")
    CartService carts;

    @GrpcClient("cart")
    CouponService coupons;

    @Test
    void givenAPercentCoupon_whenAppliedToACart_thenTheCartShowsItsDiscount_untilItIsRemoved() {
        String code = create(Coupon.newBuilder().setPercentOff(10)).getCode();
        CartService ann = shopper();
        add(ann, FakeCatalog.product("Teapot", 450), 2);

        Cart applied = ann.applyCoupon(ApplyCouponRequest.newBuilder().setCode(code.toLowerCase()).build())
                .await().atMost(WAIT).getCart();
        Cart removed = ann.removeCoupon(RemoveCouponRequest.getDefaultInstance()).await().atMost(WAIT).getCart();

        assertThat(applied.getCouponCode()).isEqualTo(code);
        assertThat(Amount.fromProto(applied.getDiscount()).value()).isEqualByComparingTo("90");
        assertThat(applied.getCouponProblem()).isEmpty();
        assertThat(removed.getCouponCode()).isEmpty();
        assertThat(Amount.fromProto(removed.getDiscount()).value()).isZero();
    }

    @Test
    void givenAMinimumAndACategory_thenTheCartSaysWhyThereIsNoDiscount_andCountsOnlyTheCategorysLines() {
        String category = UUID.randomUUID().toString();
        String code = create(Coupon.newBuilder().setAmountOff(FakeCatalog.thb(300))
                .setMinimumSubtotal(FakeCatalog.thb(1000)).setCategoryId(category)).getCode();
        CartService ann = shopper();
        Product mug = FakeCatalog.product("Mug", 200);
        FakeCatalog.put(mug.toBuilder().addCategories(ProductCategory.newBuilder().setCategoryId(category)).build());
        add(ann, mug, 1);

        Cart tooSmall = apply(ann, code);
        add(ann, FakeCatalog.product("Kettle", 900), 1);
        Cart enough = ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT)
                .getCart();

        assertThat(tooSmall.getCouponProblem()).isEqualTo("COUPON_MINIMUM_NOT_MET");
        assertThat(Amount.fromProto(tooSmall.getDiscount()).value()).isZero();
        assertThat(enough.getCouponProblem()).isEmpty();
        assertThat(Amount.fromProto(enough.getDiscount()).value()).as("300 off, but only the 200 mug counts")
                .isEqualByComparingTo("200");
    }

    @Test
    void givenTheLastUseOfACoupon_whenEightCheckoutsRedeemItAtOnce_thenExactlyOneWins() throws Exception {
        String code = create(Coupon.newBuilder().setPercentOff(20).setMaxRedemptions(1)).getCode();
        Product lamp = FakeCatalog.product("Lamp", 500);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Throwable>> checkouts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            checkouts.add(() -> catchThrowable(() -> redeem(UUID.randomUUID(), UUID.randomUUID(), code, lamp, 500)));
        }

        List<Throwable> outcomes = new ArrayList<>();
        for (Future<Throwable> outcome : pool.invokeAll(checkouts)) {
            outcomes.add(outcome.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn(failure -> failure == null).hasSize(1);
        assertThat(outcomes).filteredOn(failure -> failure != null)
                .allSatisfy(failure -> assertThat(GrpcErrors.reason(failure)).hasValue("COUPON_EXHAUSTED"));
        assertThat(held(code)).isEqualTo(1);
    }

    @Test
    void givenARetriedCheckout_thenTheCouponIsRedeemedOnce_andACancelledOrderGivesTheUseBack() {
        String code = create(Coupon.newBuilder().setAmountOff(FakeCatalog.thb(50)).setMaxRedemptions(1)).getCode();
        Product lamp = FakeCatalog.product("Lamp", 500);
        UUID order = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();

        Amount first = redeem(order, buyer, code, lamp, 500);
        Amount retried = redeem(order, buyer, code, lamp, 500);
        Throwable someoneElse = catchThrowable(() -> redeem(UUID.randomUUID(), UUID.randomUUID(), code, lamp, 500));
        TestKafka.publish("order.events", order.toString(), UUID.randomUUID().toString(), OrderCancelled.newBuilder()
                .setOrderId(order.toString()).setUserId(buyer.toString()).setReason("PAYMENT_DECLINED").build());

        assertThat(first.value()).isEqualByComparingTo("50");
        assertThat(retried).isEqualTo(first);
        assertThat(admin().listCoupons(ListCouponsRequest.newBuilder().setPageSize(100).build()).await().atMost(WAIT)
                .getCouponsList()).filteredOn(coupon -> coupon.getCode().equals(code)).singleElement()
                .satisfies(coupon -> assertThat(coupon.getRedemptionCount()).isEqualTo(1));
        assertThat(GrpcErrors.reason(someoneElse)).hasValue("COUPON_EXHAUSTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> held(code) == 0);
        assertThat(redeem(UUID.randomUUID(), UUID.randomUUID(), code, lamp, 500).value()).isEqualByComparingTo("50");
    }

    @Test
    void givenAPerUserLimitAndAValidityWindow_thenTheyAreEnforced() {
        String once = create(Coupon.newBuilder().setPercentOff(5).setMaxRedemptionsPerUser(1)).getCode();
        String later = create(Coupon.newBuilder().setPercentOff(5)
                .setStartTime(ProtoTime.toProto(Instant.now().plusSeconds(3600)))).getCode();
        String over = create(Coupon.newBuilder().setPercentOff(5)
                .setStartTime(ProtoTime.toProto(Instant.now().minusSeconds(7200)))
                .setEndTime(ProtoTime.toProto(Instant.now().minusSeconds(3600)))).getCode();
        Product lamp = FakeCatalog.product("Lamp", 500);
        UUID buyer = UUID.randomUUID();
        redeem(UUID.randomUUID(), buyer, once, lamp, 500);

        assertThat(GrpcErrors.reason(catchThrowable(() -> redeem(UUID.randomUUID(), buyer, once, lamp, 500))))
                .hasValue("COUPON_USER_LIMIT");
        assertThat(GrpcErrors.reason(catchThrowable(() -> redeem(UUID.randomUUID(), buyer, later, lamp, 500))))
                .hasValue("COUPON_NOT_STARTED");
        assertThat(GrpcErrors.reason(catchThrowable(() -> redeem(UUID.randomUUID(), buyer, over, lamp, 500))))
                .hasValue("COUPON_EXPIRED");
    }

    @Test
    void givenAnInactiveOrUnknownCode_thenNotFound_andOnlyAdminsManageCouponsAndOnlyServicesRedeem() {
        String code = create(Coupon.newBuilder().setPercentOff(15)).getCode();
        admin().updateCoupon(UpdateCouponRequest.newBuilder().setCoupon(Coupon.newBuilder().setCode(code))
                .setUpdateMask(FieldMask.newBuilder().addPaths("active")).build()).await().atMost(WAIT);
        CartService ann = shopper();
        add(ann, FakeCatalog.product("Vase", 300), 1);

        assertThat(GrpcErrors.code(catchThrowable(() -> apply(ann, code)))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(GrpcErrors.code(catchThrowable(() -> apply(ann, "NO-SUCH-CODE")))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(GrpcErrors.code(catchThrowable(() -> TestTokens.withToken(coupons,
                TestTokens.customer(UUID.randomUUID())).createCoupon(
                        CreateCouponRequest.newBuilder()
                                .setCoupon(Coupon.newBuilder().setCode("MINE").setPercentOff(99)).build())
                .await().atMost(WAIT)))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcErrors.code(catchThrowable(() -> ann.redeemCoupon(RedeemCouponRequest.getDefaultInstance())
                .await().atMost(WAIT)))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcErrors.violatedFields(catchThrowable(() -> admin().createCoupon(CreateCouponRequest
                .newBuilder().setCoupon(Coupon.newBuilder().setCode("x").setPercentOff(150)).build())
                .await().atMost(WAIT)))).contains("coupon.code", "coupon.percent_off");
    }

    @Test
    void givenAnAmountNoNumericColumnHolds_whenCreatingACoupon_thenInvalidArgumentNamesIt() {
        Throwable failure = catchThrowable(() -> admin().createCoupon(CreateCouponRequest.newBuilder()
                .setCoupon(Coupon.newBuilder().setCode("HUGE-" + UUID.randomUUID().toString().substring(0, 8))
                        .setAmountOff(Amount.of("9007199254740992", "THB").toProto())
                        .setMinimumSubtotal(Amount.of("1000000000000000", "THB").toProto()))
                .build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.violatedFields(failure)).containsExactly("coupon.amount_off", "coupon.minimum_subtotal");
    }

    private Coupon create(Coupon.Builder coupon) {
        return admin().createCoupon(CreateCouponRequest.newBuilder().setCoupon(coupon
                .setCode("T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase())).build())
                .await().atMost(WAIT).getCoupon();
    }

    private int held(String code) {
        return admin().getCoupon(GetCouponRequest.newBuilder().setCode(code).build()).await().atMost(WAIT)
                .getCoupon().getRedemptionCount();
    }

    private Amount redeem(UUID orderId, UUID buyer, String code, Product product, long lineTotal) {
        return Amount.fromProto(TestTokens.withToken(carts, TestTokens.service("order-svc"))
                .redeemCoupon(RedeemCouponRequest.newBuilder().setOrderId(orderId.toString())
                        .setUserId(buyer.toString()).setCode(code).addLines(RedeemLine.newBuilder()
                                .setProductId(product.getId()).setLineTotal(FakeCatalog.thb(lineTotal)))
                        .build())
                .await().atMost(WAIT).getDiscount());
    }

    private Cart apply(CartService as, String code) {
        return as.applyCoupon(ApplyCouponRequest.newBuilder().setCode(code).build()).await().atMost(WAIT).getCart();
    }

    private CouponService admin() {
        return TestTokens.withToken(coupons, TestTokens.admin(UUID.randomUUID()));
    }

    private CartService shopper() {
        return TestTokens.withToken(carts, TestTokens.customer(UUID.randomUUID()));
    }

    private static void add(CartService as, Product product, int quantity) {
        as.addCartItem(AddCartItemRequest.newBuilder().setProductId(product.getId()).setQuantity(quantity)
                .putAllOptions(Map.of()).build()).await().atMost(WAIT);
    }
}
