package org.commercemesh.cart.wishlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.commercemesh.cart.FakeCatalog;
import org.commercemesh.cart.v1.AddWishlistItemRequest;
import org.commercemesh.cart.v1.CartService;
import org.commercemesh.cart.v1.CreateWishlistRequest;
import org.commercemesh.cart.v1.DeleteWishlistRequest;
import org.commercemesh.cart.v1.GetCartRequest;
import org.commercemesh.cart.v1.GetSharedWishlistRequest;
import org.commercemesh.cart.v1.GetWishlistRequest;
import org.commercemesh.cart.v1.ListWishlistsRequest;
import org.commercemesh.cart.v1.MoveWishlistItemToCartRequest;
import org.commercemesh.cart.v1.MoveWishlistItemToCartResponse;
import org.commercemesh.cart.v1.RemoveWishlistItemRequest;
import org.commercemesh.cart.v1.UpdateWishlistRequest;
import org.commercemesh.cart.v1.Wishlist;
import org.commercemesh.cart.v1.WishlistPrivacy;
import org.commercemesh.cart.v1.WishlistService;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WishlistTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @GrpcClient("cart")
    WishlistService wishlists;

    @GrpcClient("cart")
    CartService carts;

    @Test
    void givenNoWishlist_whenAddingAnItemWithoutNamingOne_thenTheDefaultWishlistIsCreated() {
        String token = TestTokens.customer(UUID.randomUUID());
        Product book = FakeCatalog.product("Novel", 350);

        Wishlist wishlist = TestTokens.withToken(wishlists, token).addWishlistItem(AddWishlistItemRequest.newBuilder()
                .setProductId(book.getId()).setNotes("for the holidays").build()).await().atMost(WAIT).getWishlist();
        Throwable twice = catchThrowable(() -> TestTokens.withToken(wishlists, token).addWishlistItem(
                AddWishlistItemRequest.newBuilder().setProductId(book.getId()).build()).await().atMost(WAIT));
        Throwable unknown = catchThrowable(() -> TestTokens.withToken(wishlists, token).addWishlistItem(
                AddWishlistItemRequest.newBuilder().setProductId(UUID.randomUUID().toString()).build()).await()
                .atMost(WAIT));

        assertThat(wishlist.getIsDefault()).isTrue();
        assertThat(wishlist.getPrivacy()).isEqualTo(WishlistPrivacy.WISHLIST_PRIVACY_PRIVATE);
        assertThat(wishlist.getItems(0).getNotes()).isEqualTo("for the holidays");
        assertThat(GrpcErrors.code(twice)).isEqualTo(Status.Code.ALREADY_EXISTS);
        assertThat(GrpcErrors.code(unknown)).isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void givenWishlists_whenListedRenamedAndDeleted_thenTheDefaultComesFirstAndIsKeptWhileOthersExist() {
        WishlistService ann = TestTokens.withToken(wishlists, TestTokens.customer(UUID.randomUUID()));
        Wishlist first = create(ann, "Birthday", WishlistPrivacy.WISHLIST_PRIVACY_UNSPECIFIED);
        Wishlist second = create(ann, "Kitchen", WishlistPrivacy.WISHLIST_PRIVACY_PUBLIC);

        Wishlist renamed = ann.updateWishlist(UpdateWishlistRequest.newBuilder()
                .setWishlist(Wishlist.newBuilder().setId(second.getId()).setName("Kitchen things"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("name")).build()).await().atMost(WAIT).getWishlist();
        List<Wishlist> listed = ann.listWishlists(ListWishlistsRequest.getDefaultInstance()).await().atMost(WAIT)
                .getWishlistsList();
        Throwable deleteDefault = catchThrowable(() -> delete(ann, first));
        delete(ann, second);

        assertThat(first.getIsDefault()).isTrue();
        assertThat(renamed.getName()).isEqualTo("Kitchen things");
        assertThat(listed).extracting(Wishlist::getId).containsExactly(first.getId(), second.getId());
        assertThat(GrpcErrors.reason(deleteDefault)).contains("DEFAULT_WISHLIST");
        assertThat(
                ann.listWishlists(ListWishlistsRequest.getDefaultInstance()).await().atMost(WAIT).getWishlistsCount())
                .isEqualTo(1);
    }

    @Test
    void givenPrivacy_whenSomeoneElseAsks_thenPublicIsOpenSharedNeedsTheTokenPrivateNever() {
        WishlistService ann = TestTokens.withToken(wishlists, TestTokens.customer(UUID.randomUUID()));
        WishlistService bob = TestTokens.withToken(wishlists, TestTokens.customer(UUID.randomUUID()));
        Wishlist hidden = create(ann, "Private", WishlistPrivacy.WISHLIST_PRIVACY_PRIVATE);
        Wishlist open = create(ann, "Public", WishlistPrivacy.WISHLIST_PRIVACY_PUBLIC);
        Wishlist shared = create(ann, "Shared", WishlistPrivacy.WISHLIST_PRIVACY_SHARED);

        assertThat(GrpcErrors.code(catchThrowable(() -> shared(bob, hidden, "")))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(shared(bob, open, "").getName()).isEqualTo("Public");
        assertThat(GrpcErrors.code(catchThrowable(() -> shared(bob, shared, "")))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(GrpcErrors.code(catchThrowable(() -> shared(bob, shared, "guessed"))))
                .isEqualTo(Status.Code.NOT_FOUND);
        Wishlist viaToken = shared(bob, shared, shared.getShareToken());
        assertThat(viaToken.getName()).isEqualTo("Shared");
        assertThat(viaToken.getShareToken()).isEmpty();
        assertThat(shared.getShareToken()).hasSizeGreaterThan(20);
    }

    @Test
    void givenAWishlistItem_whenMovedToTheCart_thenItLeavesTheWishlistAndJoinsTheCart() {
        String token = TestTokens.customer(UUID.randomUUID());
        WishlistService ann = TestTokens.withToken(wishlists, token);
        Product lamp = FakeCatalog.product("Floor Lamp", 1800);
        Wishlist wishlist = ann.addWishlistItem(AddWishlistItemRequest.newBuilder().setProductId(lamp.getId()).build())
                .await().atMost(WAIT).getWishlist();

        MoveWishlistItemToCartResponse moved = ann.moveWishlistItemToCart(MoveWishlistItemToCartRequest.newBuilder()
                .setWishlistId(wishlist.getId()).setItemId(wishlist.getItems(0).getId()).setQuantity(2).build())
                .await().atMost(WAIT);

        assertThat(moved.getWishlist().getItemsList()).isEmpty();
        assertThat(moved.getCart().getItems(0).getProductId()).isEqualTo(lamp.getId());
        assertThat(TestTokens.withToken(carts, token).getCart(GetCartRequest.getDefaultInstance()).await().atMost(WAIT)
                .getCart().getItems(0).getQuantity()).isEqualTo(2);
    }

    @Test
    void givenTheCartRefusesTheItem_whenMovingIt_thenTheWishlistKeepsIt() {
        WishlistService ann = TestTokens.withToken(wishlists, TestTokens.customer(UUID.randomUUID()));
        Product rare = FakeCatalog.product("Rare Print", 5000);
        Wishlist wishlist = ann.addWishlistItem(AddWishlistItemRequest.newBuilder().setProductId(rare.getId()).build())
                .await().atMost(WAIT).getWishlist();
        FakeCatalog.put(rare.toBuilder().setInStock(false).build());

        Throwable failure = catchThrowable(() -> ann.moveWishlistItemToCart(MoveWishlistItemToCartRequest.newBuilder()
                .setWishlistId(wishlist.getId()).setItemId(wishlist.getItems(0).getId()).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.reason(failure)).contains("OUT_OF_STOCK");
        assertThat(ann.getWishlist(GetWishlistRequest.newBuilder().setWishlistId(wishlist.getId()).build())
                .await().atMost(WAIT).getWishlist().getItemsCount()).isEqualTo(1);
    }

    @Test
    void givenAnotherUsersPrivateWishlist_whenTouchedThroughEveryRpc_thenNotFound() {
        WishlistService ann = TestTokens.withToken(wishlists, TestTokens.customer(UUID.randomUUID()));
        WishlistService bob = TestTokens.withToken(wishlists, TestTokens.customer(UUID.randomUUID()));
        Product vase = FakeCatalog.product("Vase", 700);
        Wishlist annsList = ann.addWishlistItem(AddWishlistItemRequest.newBuilder().setProductId(vase.getId()).build())
                .await().atMost(WAIT).getWishlist();
        String itemId = annsList.getItems(0).getId();

        List<Supplier<Object>> attempts = List.of(
                () -> bob.getWishlist(GetWishlistRequest.newBuilder().setWishlistId(annsList.getId()).build()).await()
                        .atMost(WAIT),
                () -> bob.updateWishlist(UpdateWishlistRequest.newBuilder()
                        .setWishlist(Wishlist.newBuilder().setId(annsList.getId()).setName("Mine now"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("name")).build()).await().atMost(WAIT),
                () -> bob.deleteWishlist(DeleteWishlistRequest.newBuilder().setWishlistId(annsList.getId()).build())
                        .await().atMost(WAIT),
                () -> bob.addWishlistItem(AddWishlistItemRequest.newBuilder().setWishlistId(annsList.getId())
                        .setProductId(FakeCatalog.product("Gift", 10).getId()).build()).await().atMost(WAIT),
                () -> bob.removeWishlistItem(RemoveWishlistItemRequest.newBuilder().setWishlistId(annsList.getId())
                        .setItemId(itemId).build()).await().atMost(WAIT),
                () -> bob.moveWishlistItemToCart(
                        MoveWishlistItemToCartRequest.newBuilder().setWishlistId(annsList.getId())
                                .setItemId(itemId).build())
                        .await().atMost(WAIT),
                () -> bob
                        .getSharedWishlist(
                                GetSharedWishlistRequest.newBuilder().setWishlistId(annsList.getId()).build())
                        .await().atMost(WAIT));

        for (Supplier<Object> attempt : attempts) {
            assertThat(GrpcErrors.code(catchThrowable(attempt::get))).isEqualTo(Status.Code.NOT_FOUND);
        }
        Wishlist unchanged = ann.getWishlist(GetWishlistRequest.newBuilder().setWishlistId(annsList.getId()).build())
                .await().atMost(WAIT).getWishlist();
        assertThat(unchanged.getName()).isEqualTo(annsList.getName());
        assertThat(unchanged.getItemsList()).extracting(item -> item.getId()).containsExactly(itemId);
    }

    @Test
    void givenTwentyWishlists_whenCreatingAnother_thenFailedPrecondition() {
        WishlistService ann = TestTokens.withToken(wishlists, TestTokens.customer(UUID.randomUUID()));
        for (int i = 0; i < 20; i++) {
            create(ann, "List " + i, WishlistPrivacy.WISHLIST_PRIVACY_PRIVATE);
        }

        Throwable failure = catchThrowable(() -> create(ann, "One more", WishlistPrivacy.WISHLIST_PRIVACY_PRIVATE));
        Throwable invalid = catchThrowable(() -> create(ann, " ", WishlistPrivacy.WISHLIST_PRIVACY_PRIVATE));

        assertThat(GrpcErrors.reason(failure)).contains("WISHLIST_LIMIT_REACHED");
        assertThat(GrpcErrors.violatedFields(invalid)).containsExactly("wishlist.name");
    }

    private static Wishlist create(WishlistService as, String name, WishlistPrivacy privacy) {
        return as.createWishlist(CreateWishlistRequest.newBuilder().setWishlist(Wishlist.newBuilder().setName(name)
                .setPrivacy(privacy)).build()).await().atMost(WAIT).getWishlist();
    }

    private static void delete(WishlistService as, Wishlist wishlist) {
        as.deleteWishlist(DeleteWishlistRequest.newBuilder().setWishlistId(wishlist.getId()).build()).await()
                .atMost(WAIT);
    }

    private static Wishlist shared(WishlistService as, Wishlist wishlist, String token) {
        return as.getSharedWishlist(GetSharedWishlistRequest.newBuilder().setWishlistId(wishlist.getId())
                .setShareToken(token).build()).await().atMost(WAIT).getWishlist();
    }
}
