package org.commercemesh.order.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.commercemesh.catalog.v1.Dimensions;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.order.FakeMesh;
import org.commercemesh.order.v1.GetOrderRequest;
import org.commercemesh.order.v1.Order;
import org.commercemesh.order.v1.OrderService;
import org.commercemesh.order.v1.OrderStatus;
import org.commercemesh.order.v1.PlaceOrderRequest;
import org.commercemesh.order.v1.QuoteShippingRequest;
import org.commercemesh.order.v1.ShippingRate;
import org.commercemesh.order.v1.UpdateOrderStatusRequest;
import org.commercemesh.platform.money.Amount;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.shipping.CarrierApi;
import org.commercemesh.testing.shipping.CarrierApiResource;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class ShippingTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @GrpcClient("order")
    OrderService orders;

    @Test
    void givenACart_whenTheBuyerQuotes_thenTheCarriersRatesComeCheapestFirst_forTheChargeableWeight() {
        OrderService ann = customer();
        // Two 1.5 kg kettles in 30 × 20 × 20 cm boxes: 3 kg actual, 2 × 12000 cm³ ÷ 5000 = 4.8 kg dimensional.
        parcelOf(1_500, 2);

        List<ShippingRate> rates = quote(ann);

        double ounces = 3_000 / 28.349523125;
        assertThat(rates).extracting(ShippingRate::getService).containsExactly("Ground", "Express");
        assertThat(rates).extracting(rate -> Amount.fromProto(rate.getAmount()).value().intValue())
                .containsExactly(CarrierApi.price("Ground", ounces), CarrierApi.price("Express", ounces));
        assertThat(rates).allSatisfy(rate -> {
            assertThat(rate.getCarrier()).isEqualTo("ThaiParcel");
            assertThat(rate.getChargeableGrams()).isEqualTo(4_800);
            assertThat(rate.hasExpireTime()).isTrue();
        });
    }

    @Test
    void givenACartAboveTheFreeDeliveryThreshold_thenItsCheapestRateIsFree_andTheOthersCostWhatTheyCost() {
        OrderService ann = customer();
        Product product = FakeMesh.reset(600, 10, 2);
        FakeMesh.put(product.toBuilder().setWeightGrams(800).build());

        List<ShippingRate> rates = quote(ann);

        assertThat(Amount.fromProto(rates.get(0).getAmount()).value()).isZero();
        assertThat(Amount.fromProto(rates.get(1).getAmount()).value().intValue())
                .isEqualTo(CarrierApi.price("Express", 1_600 / 28.349523125));
    }

    @Test
    void givenAChosenRate_whenTheOrderShipsWithoutATrackingNumber_thenTheCarrierShipsItAndItsNumberIsTheOrders() {
        OrderService ann = customer();
        parcelOf(1_000, 1);
        ShippingRate express = quote(ann).get(1);

        Order placed = place(ann, express.getId());
        admin().updateOrderStatus(UpdateOrderStatusRequest.newBuilder().setOrderId(placed.getId())
                .setStatus(OrderStatus.ORDER_STATUS_PROCESSING).build()).await().atMost(WAIT);
        Order shipped = admin().updateOrderStatus(UpdateOrderStatusRequest.newBuilder().setOrderId(placed.getId())
                .setStatus(OrderStatus.ORDER_STATUS_SHIPPED).build()).await().atMost(WAIT).getOrder();

        assertThat(placed.getShipping()).isEqualTo(express.getAmount());
        assertThat(Amount.fromProto(placed.getTotal()).value()).isEqualByComparingTo(
                Amount.fromProto(placed.getSubtotal()).plus(Amount.fromProto(placed.getTax()))
                        .plus(Amount.fromProto(express.getAmount())).value());
        assertThat(placed.getShippingCarrier()).isEqualTo("ThaiParcel");
        assertThat(placed.getShippingService()).isEqualTo("Express");
        CarrierApi.Bought bought = CarrierApiResource.api().purchases().stream()
                .filter(purchase -> purchase.reference().equals(placed.getId())).findFirst().orElseThrow();
        assertThat(shipped.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_SHIPPED);
        assertThat(shipped.getTrackingNumber()).isEqualTo(bought.trackingCode());
        assertThat(bought.toAddress().getString("city")).isEqualTo("Bangkok");
    }

    @Test
    void givenTheCarrierDown_whenAnOrderShips_thenUnavailable_andTheOrderStaysProcessing() {
        OrderService ann = customer();
        parcelOf(500, 1);
        Order placed = place(ann, quote(ann).get(0).getId());
        admin().updateOrderStatus(UpdateOrderStatusRequest.newBuilder().setOrderId(placed.getId())
                .setStatus(OrderStatus.ORDER_STATUS_PROCESSING).build()).await().atMost(WAIT);

        CarrierApiResource.api().outage(true);
        Throwable down;
        try {
            down = catchThrowable(() -> admin().updateOrderStatus(UpdateOrderStatusRequest.newBuilder()
                    .setOrderId(placed.getId()).setStatus(OrderStatus.ORDER_STATUS_SHIPPED).build())
                    .await().atMost(WAIT));
        } finally {
            CarrierApiResource.api().outage(false);
        }

        assertThat(GrpcErrors.code(down)).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(ann.getOrder(GetOrderRequest.newBuilder().setOrderId(placed.getId())
                .build()).await().atMost(WAIT).getOrder().getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_PROCESSING);
    }

    @Test
    void givenARateThatIsExpiredOrSomeoneElsesOrForAnotherAddress_thenPlaceOrderRefusesIt_andChargesNothing()
            throws Throwable {
        OrderService ann = customer();
        OrderService ben = customer();
        parcelOf(500, 1);
        ShippingRate annsRate = quote(ann).get(0);
        ShippingRate expiring = quote(ann).get(0);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("update shipping_quote set expires_at = now() - "
                        + "interval '1 second' where id = cast(:id as uuid)").setParameter("id", expiring.getId())
                        .executeUpdate())));

        for (Throwable refused : List.of(
                catchThrowable(() -> place(ben, annsRate.getId())),
                catchThrowable(() -> place(ann, expiring.getId())),
                catchThrowable(() -> place(ann, UUID.randomUUID().toString())))) {
            assertThat(GrpcErrors.violatedFields(refused)).containsExactly("shipping_rate_id");
        }
    }

    @Test
    void givenAnOrderWithoutAQuotedRate_whenItShipsWithoutATrackingNumber_thenTheNumberIsRequired() {
        OrderService ann = customer();
        FakeMesh.reset(400, 10, 1);
        Order placed = ann.placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPaymentToken("tok_visa").build()).await().atMost(WAIT).getOrder();
        admin().updateOrderStatus(UpdateOrderStatusRequest.newBuilder().setOrderId(placed.getId())
                .setStatus(OrderStatus.ORDER_STATUS_PROCESSING).build()).await().atMost(WAIT);

        Throwable missing = catchThrowable(() -> admin().updateOrderStatus(UpdateOrderStatusRequest.newBuilder()
                .setOrderId(placed.getId()).setStatus(OrderStatus.ORDER_STATUS_SHIPPED).build())
                .await().atMost(WAIT));

        assertThat(placed.getShipping()).as("the flat fee").isEqualTo(FakeMesh.thb(50));
        assertThat(GrpcErrors.violatedFields(missing)).containsExactly("tracking_number");
    }

    /** A fresh cart of {@code quantity} products weighing {@code grams}, boxed 30 × 20 × 20 cm each. */
    private static void parcelOf(int grams, int quantity) {
        Product product = FakeMesh.reset(400, 10, quantity);
        FakeMesh.put(product.toBuilder().setWeightGrams(grams)
                .setDimensions(Dimensions.newBuilder().setLengthMm(300).setWidthMm(200).setHeightMm(200)).build());
    }

    private static List<ShippingRate> quote(OrderService as) {
        return as.quoteShipping(QuoteShippingRequest.getDefaultInstance()).await().atMost(WAIT).getRatesList();
    }

    private static Order place(OrderService as, String rateId) {
        return as.placeOrder(PlaceOrderRequest.newBuilder().setRequestId(UUID.randomUUID().toString())
                .setPaymentToken("tok_visa").setShippingRateId(rateId).build()).await().atMost(WAIT).getOrder();
    }

    private OrderService customer() {
        return TestTokens.withToken(orders, TestTokens.customer(UUID.randomUUID()));
    }

    private OrderService admin() {
        return TestTokens.withToken(orders, TestTokens.admin(UUID.randomUUID()));
    }
}
