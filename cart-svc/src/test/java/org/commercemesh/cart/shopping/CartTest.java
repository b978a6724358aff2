package org.commercemesh.cart.shopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.commercemesh.cart.FakeCatalog;
import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.cart.v1.Cart;
import org.commercemesh.cart.v1.CartItem;
import org.commercemesh.cart.v1.CartService;
import org.commercemesh.cart.v1.CartStatus;
import org.commercemesh.cart.v1.ClearCartRequest;
import org.commercemesh.cart.v1.GetCartRequest;
import org.commercemesh.cart.v1.RemoveCartItemRequest;
import org.commercemesh.cart.v1.UpdateCartItemRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductStatus;
import org.commercemesh.order.v1.OrderCancelled;
import org.commercemesh.order.v1.OrderConfirmed;
import org.commercemesh.order.v1.OrderEventLine;
import org.commercemesh.order.v1.OrderPlaced;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.testing.vertx.OnVertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class CartTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @GrpcClient("cart")
    CartService carts;

    @Inject
    org.commercemesh.cart.shopping.CartService cartService;

    @AfterEach
    void catalogAnswersAgain() {
        FakeCatalog.mode(FakeCatalog.Mode.ANSWERING);
    }

    @Test
    void givenNoCart_whenGettingIt_thenAnEmptyActiveCartIsStartedAndKept() {
        CartService ann = shopper();

        Cart first = ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart();
        Cart again = ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart();

        assertThat(first.getStatus()).isEqualTo(CartStatus.CART_STATUS_ACTIVE);
        assertThat(first.getItemsList()).isEmpty();
        assertThat(again.getId()).isEqualTo(first.getId());
    }

    @Test
    void givenTheSameProductAndOptions_whenAddedTwice_thenOneLineWithTheSumAndATotal() {
        CartService ann = shopper();
        Product shirt = FakeCatalog.product("Shirt", 300);

        add(ann, shirt, 1, Map.of("size", "M", "colour", "blue"));
        add(ann, shirt, 2, Map.of("colour", "blue", "size", "M"));
        Cart cart = add(ann, shirt, 1, Map.of("size", "L"));

        assertThat(cart.getItemsList()).extracting(CartItem::getQuantity).containsExactly(3, 1);
        assertThat(cart.getItems(0).getOptionsMap()).containsEntry("size", "M").containsEntry("colour", "blue");
        assertThat(cart.getItemCount()).isEqualTo(4);
        assertThat(cart.getSubtotal()).isEqualTo(FakeCatalog.thb(1200));
    }

    @Test
    void givenAPriceChangeAfterAdding_whenReading_thenTheSnapshotStaysAndTheChangeIsFlagged() {
        CartService ann = shopper();
        Product kettle = FakeCatalog.product("Kettle", 900);
        add(ann, kettle, 1, Map.of());

        FakeCatalog.put(kettle.toBuilder().setEffectivePrice(FakeCatalog.thb(750)).build());
        Cart cart = ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart();

        assertThat(cart.getItems(0).getUnitPrice()).isEqualTo(FakeCatalog.thb(900));
        assertThat(cart.getItems(0).getCurrentUnitPrice()).isEqualTo(FakeCatalog.thb(750));
        assertThat(cart.getItems(0).getPriceChanged()).isTrue();
        assertThat(cart.getPriceChanged()).isTrue();
        assertThat(cart.getSubtotal()).isEqualTo(FakeCatalog.thb(900));
    }

    @Test
    void givenProductsTheShopCannotSell_whenAdding_thenFailedPreconditionWithTheReason() {
        CartService ann = shopper();
        Product inactive = FakeCatalog.product("Old Phone", 100).toBuilder()
                .setStatus(ProductStatus.PRODUCT_STATUS_INACTIVE).build();
        FakeCatalog.put(inactive);
        Product soldOut = FakeCatalog.product("Hot Item", 100).toBuilder().setInStock(false).build();
        FakeCatalog.put(soldOut);

        assertThat(GrpcErrors.reason(catchThrowable(() -> add(ann, inactive, 1, Map.of()))))
                .contains("PRODUCT_UNAVAILABLE");
        assertThat(GrpcErrors.reason(catchThrowable(() -> add(ann, soldOut, 1, Map.of())))).contains("OUT_OF_STOCK");
        assertThat(GrpcErrors.reason(catchThrowable(() -> ann.addCartItem(AddCartItemRequest.newBuilder()
                .setProductId(UUID.randomUUID().toString()).setQuantity(1).build()).await().atMost(WAIT))))
                .contains("PRODUCT_UNAVAILABLE");
    }

    @Test
    void givenQuantitiesOutOfRange_thenInvalidArgumentOrTheLineLimit() {
        CartService ann = shopper();
        Product pen = FakeCatalog.product("Pen", 20);
        add(ann, pen, 98, Map.of());

        Throwable zero = catchThrowable(() -> ann.addCartItem(AddCartItemRequest.newBuilder().setProductId("nope")
                .setQuantity(0).build()).await().atMost(WAIT));
        Throwable overLine = catchThrowable(() -> add(ann, pen, 2, Map.of()));

        assertThat(GrpcErrors.violatedFields(zero)).containsExactly("product_id", "quantity");
        assertThat(GrpcErrors.reason(overLine)).contains("LINE_QUANTITY_LIMIT");
    }

    @Test
    void givenLines_whenUpdatedRemovedAndCleared_thenTheCartFollows() {
        CartService ann = shopper();
        Cart cart = add(ann, FakeCatalog.product("Mug", 150), 1, Map.of());
        cart = add(ann, FakeCatalog.product("Plate", 250), 1, Map.of());
        String mug = cart.getItems(0).getId();
        String plate = cart.getItems(1).getId();

        cart = ann.updateCartItem(UpdateCartItemRequest.newBuilder().setItemId(mug).setQuantity(4).build())
                .await().atMost(WAIT).getCart();
        assertThat(cart.getItems(0).getQuantity()).isEqualTo(4);
        cart = ann.updateCartItem(UpdateCartItemRequest.newBuilder().setItemId(mug).setQuantity(0).build())
                .await().atMost(WAIT).getCart();
        assertThat(cart.getItemsList()).extracting(CartItem::getId).containsExactly(plate);
        cart = ann.removeCartItem(RemoveCartItemRequest.newBuilder().setItemId(plate).build()).await().atMost(WAIT)
                .getCart();
        assertThat(cart.getItemsList()).isEmpty();
        add(ann, FakeCatalog.product("Bowl", 90), 2, Map.of());
        assertThat(ann.clearCart(ClearCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart().getItemsList())
                .isEmpty();
    }

    @Test
    void givenAnotherUsersLine_whenUpdatingOrRemovingIt_thenNotFoundAndTheirCartIsUnchanged() {
        CartService ann = shopper();
        CartService bob = shopper();
        String annsLine = add(ann, FakeCatalog.product("Lamp", 500), 1, Map.of()).getItems(0).getId();

        Throwable update = catchThrowable(
                () -> bob.updateCartItem(UpdateCartItemRequest.newBuilder().setItemId(annsLine)
                        .setQuantity(5).build()).await().atMost(WAIT));
        Throwable remove = catchThrowable(
                () -> bob.removeCartItem(RemoveCartItemRequest.newBuilder().setItemId(annsLine)
                        .build()).await().atMost(WAIT));
        bob.clearCart(ClearCartRequest.getDefaultInstance()).await().atMost(WAIT);

        assertThat(GrpcErrors.code(update)).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(GrpcErrors.code(remove)).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart().getItems(0)
                .getQuantity())
                .isEqualTo(1);
        assertThat(GrpcErrors.code(catchThrowable(() -> carts.getCart(GetCartRequest.getDefaultInstance())
                .await().atMost(WAIT)))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void givenAnExpiredCart_whenRead_thenItIsAbandonedAndANewOneStarts() throws Throwable {
        CartService ann = shopper();
        Cart old = add(ann, FakeCatalog.product("Forgotten", 100), 1, Map.of());

        expire(old.getId());
        Cart fresh = ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart();

        assertThat(fresh.getId()).isNotEqualTo(old.getId());
        assertThat(fresh.getItemsList()).isEmpty();
        assertThat(status(old.getId())).isEqualTo("ABANDONED");
    }

    @Test
    void givenAnExpiredCart_whenTheJobRuns_thenItIsAbandonedWithoutAnyRead() throws Throwable {
        CartService ann = shopper();
        Cart old = add(ann, FakeCatalog.product("Idle", 100), 1, Map.of());
        expire(old.getId());

        VertxContextSupport.subscribeAndAwait(() -> cartService.abandonExpired());

        assertThat(status(old.getId())).isEqualTo("ABANDONED");
    }

    @Test
    void givenOrderConfirmedDeliveredTwice_thenTheBoughtUnitsLeaveTheCartOnce() throws Throwable {
        CartService ann = shopper();
        add(ann, FakeCatalog.product("Mug", 200), 3, Map.of());
        Cart cart = add(ann, FakeCatalog.product("Saucer", 100), 2, Map.of());
        CartItem mugs = cart.getItems(0);
        CartItem saucers = cart.getItems(1);
        String orderId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();

        TestKafka.publish("order.events", orderId, eventId, confirmed(orderId, cart, line(mugs, 1)));
        TestKafka.publish("order.events", orderId, eventId, confirmed(orderId, cart, line(mugs, 1)));
        // A sentinel on the same partition: once it has taken effect, both deliveries above have been handled.
        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(),
                confirmed(orderId, cart, line(saucers, 1)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> quantities(ann).equals(List.of(2, 1)) || quantities(ann).equals(List.of(1, 1)));
        assertThat(quantities(ann)).containsExactly(2, 1);
        assertThat(processed(eventId)).isEqualTo(1);
    }

    @Test
    void givenALineAddedAfterTheOrderWasPlaced_whenTheOrderIsPaid_thenOnlyTheBoughtLinesLeave() {
        CartService ann = shopper();
        Cart placed = add(ann, FakeCatalog.product("Bought Lamp", 900), 1, Map.of("colour", "red"));
        String orderId = UUID.randomUUID().toString();
        Product later = FakeCatalog.product("Later Lamp", 700);
        add(ann, later, 1, Map.of());

        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(),
                confirmed(orderId, placed, line(placed.getItems(0), 1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> items(ann).size() == 1);
        Cart after = ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart();
        assertThat(after.getId()).isEqualTo(placed.getId());
        assertThat(after.getStatus()).isEqualTo(CartStatus.CART_STATUS_ACTIVE);
        assertThat(after.getItemsList()).extracting(CartItem::getProductId).containsExactly(later.getId());
    }

    @Test
    void givenEveryLineBought_thenTheCartIsConvertedAndTheNextCartIsNew() {
        CartService ann = shopper();
        Cart cart = add(ann, FakeCatalog.product("Checkout Chair", 2500), 2, Map.of());
        String orderId = UUID.randomUUID().toString();

        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(),
                confirmed(orderId, cart, line(cart.getItems(0), 2)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "CONVERTED".equals(status(cart.getId())));
        Cart next = ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart();
        assertThat(next.getId()).isNotEqualTo(cart.getId());
        assertThat(next.getItemsList()).isEmpty();
    }

    @Test
    void givenAnOrderPlacedAndThenCancelled_thenTheCartIsExactlyAsItWas() {
        CartService ann = shopper();
        Cart cart = add(ann, FakeCatalog.product("Declined Desk", 3000), 1, Map.of("finish", "oak"));
        String orderId = UUID.randomUUID().toString();
        Cart other = add(shopper(), FakeCatalog.product("Sentinel Stool", 100), 1, Map.of());

        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(),
                OrderPlaced.newBuilder().setOrderId(orderId)
                        .setCartId(cart.getId()).setUserId(cart.getUserId()).build());
        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(),
                OrderCancelled.newBuilder().setOrderId(orderId)
                        .setUserId(cart.getUserId()).setReason("PAYMENT_DECLINED").build());
        TestKafka.publish("order.events", orderId, UUID.randomUUID().toString(),
                confirmed(orderId, other, line(other.getItems(0), 1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "CONVERTED".equals(status(other.getId())));
        Cart after = ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart();
        assertThat(after.getId()).isEqualTo(cart.getId());
        assertThat(after.getItemsList()).containsExactlyElementsOf(cart.getItemsList().stream()
                .map(item -> item.toBuilder().setCurrentUnitPrice(after.getItems(0).getCurrentUnitPrice()).build())
                .toList());
    }

    @Test
    void givenACartBeingConverted_whenItemsAreAddedAtTheSameTime_thenEveryAddSucceedsOnSomeActiveCart()
            throws Throwable {
        for (int round = 0; round < 10; round++) {
            UUID buyer = UUID.randomUUID();
            CartService ann = TestTokens.withToken(carts, TestTokens.customer(buyer));
            Cart cart = add(ann, FakeCatalog.product("Race Lamp " + round, 100), 1, Map.of());
            Product next = FakeCatalog.product("Race Bulb " + round, 10);

            var converting = java.util.concurrent.CompletableFuture
                    .runAsync(() -> OnVertx.await(() -> Panache.withTransaction(
                            () -> cartService.takeBought(UUID.fromString(cart.getId()), UUID.randomUUID(),
                                    List.of(new org.commercemesh.cart.shopping.CartService.BoughtLine(
                                            UUID.fromString(cart.getItems(0).getId()), 1))))));
            List<Throwable> failures = java.util.stream.IntStream.range(0, 4).parallel()
                    .mapToObj(i -> catchThrowable(() -> add(ann, next, 1, Map.of())))
                    .filter(java.util.Objects::nonNull).toList();
            converting.join();

            assertThat(failures).isEmpty();
        }
    }

    private static OrderConfirmed confirmed(String orderId, Cart cart, OrderEventLine... lines) {
        return OrderConfirmed.newBuilder().setOrderId(orderId).setCartId(cart.getId()).setUserId(cart.getUserId())
                .addAllLines(List.of(lines)).build();
    }

    private static OrderEventLine line(CartItem item, int quantity) {
        return OrderEventLine.newBuilder().setProductId(item.getProductId()).setQuantity(quantity)
                .putAllOptions(item.getOptionsMap()).setCartItemId(item.getId()).build();
    }

    private static List<CartItem> items(CartService as) {
        return as.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart().getItemsList();
    }

    private static List<Integer> quantities(CartService as) {
        return items(as).stream().map(CartItem::getQuantity).toList();
    }

    @Test
    void givenCatalogDown_whenAdding_thenUnavailableAndTheCartIsUnchanged() {
        CartService ann = shopper();
        Product lamp = FakeCatalog.product("Reading Lamp", 400);
        add(ann, lamp, 1, Map.of());

        FakeCatalog.mode(FakeCatalog.Mode.DOWN);
        Throwable failure = catchThrowable(() -> add(ann, lamp, 1, Map.of()));
        Cart shown = ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart();

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.UNAVAILABLE);
        assertThat(Status.fromThrowable(failure).getDescription()).contains("catalog-svc is unavailable");
        assertThat(shown.getItems(0).getQuantity()).isEqualTo(1);
        assertThat(shown.getItems(0).hasCurrentUnitPrice()).isFalse();
    }

    @Test
    void givenCatalogRestarting_whenAdding_thenTheReadIsRetriedAndTheItemAdded() {
        CartService ann = shopper();
        Product lamp = FakeCatalog.product("Wall Lamp", 600);

        FakeCatalog.mode(FakeCatalog.Mode.RESTARTING);
        Cart cart = add(ann, lamp, 1, Map.of());

        assertThat(cart.getItemsList()).extracting(CartItem::getProductId).containsExactly(lamp.getId());
    }

    @Test
    void givenCatalogSlowerThanTheDeadline_whenAdding_thenDeadlineExceededAndNothingChanges() {
        CartService ann = shopper();
        Product lamp = FakeCatalog.product("Desk Lamp", 400);

        FakeCatalog.mode(FakeCatalog.Mode.SLOW);
        Throwable failure = catchThrowable(() -> add(ann, lamp, 1, Map.of()));
        FakeCatalog.mode(FakeCatalog.Mode.ANSWERING);

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
        assertThat(Status.fromThrowable(failure).getDescription()).contains("catalog-svc did not answer");
        assertThat(ann.getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT).getCart().getItemsList())
                .isEmpty();
    }

    private CartService shopper() {
        return TestTokens.withToken(carts, TestTokens.customer(UUID.randomUUID()));
    }

    private static Cart add(CartService as, Product product, int quantity, Map<String, String> options) {
        return as.addCartItem(AddCartItemRequest.newBuilder().setProductId(product.getId()).setQuantity(quantity)
                .putAllOptions(options).build()).await().atMost(WAIT).getCart();
    }

    private static void expire(String cartId) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("update cart set expires_at = now() - interval '1 second' where id = :id")
                        .setParameter("id", UUID.fromString(cartId)).executeUpdate())));
    }

    private static String status(String cartId) {
        return OnVertx.await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select status from cart where id = :id", String.class)
                .setParameter("id", UUID.fromString(cartId)).getSingleResult())));
    }

    private static long processed(String eventId) {
        return OnVertx.await(() -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("select count(*) from processed_event where event_id = :id", Long.class)
                .setParameter("id", eventId).getSingleResult())));
    }
}
