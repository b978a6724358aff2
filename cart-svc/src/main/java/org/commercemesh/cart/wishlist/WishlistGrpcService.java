package org.commercemesh.cart.wishlist;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.cart.shopping.CartMapper;
import org.commercemesh.cart.shopping.CartService;
import org.commercemesh.cart.v1.AddWishlistItemRequest;
import org.commercemesh.cart.v1.AddWishlistItemResponse;
import org.commercemesh.cart.v1.CreateWishlistRequest;
import org.commercemesh.cart.v1.CreateWishlistResponse;
import org.commercemesh.cart.v1.DeleteWishlistRequest;
import org.commercemesh.cart.v1.DeleteWishlistResponse;
import org.commercemesh.cart.v1.GetSharedWishlistRequest;
import org.commercemesh.cart.v1.GetSharedWishlistResponse;
import org.commercemesh.cart.v1.GetWishlistRequest;
import org.commercemesh.cart.v1.GetWishlistResponse;
import org.commercemesh.cart.v1.ListWishlistsRequest;
import org.commercemesh.cart.v1.ListWishlistsResponse;
import org.commercemesh.cart.v1.MoveWishlistItemToCartRequest;
import org.commercemesh.cart.v1.MoveWishlistItemToCartResponse;
import org.commercemesh.cart.v1.RemoveWishlistItemRequest;
import org.commercemesh.cart.v1.RemoveWishlistItemResponse;
import org.commercemesh.cart.v1.UpdateWishlistRequest;
import org.commercemesh.cart.v1.UpdateWishlistResponse;
import org.commercemesh.cart.v1.WishlistPrivacy;
import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.paging.PageRequest;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.cart.v1.WishlistService. */
@GrpcService
public class WishlistGrpcService implements org.commercemesh.cart.v1.WishlistService {

    private static final Set<String> UPDATABLE = Set.of("name", "privacy");

    private final WishlistService wishlists;
    private final CartService carts;
    private final Caller caller;

    public WishlistGrpcService(WishlistService wishlists, CartService carts, Caller caller) {
        this.wishlists = wishlists;
        this.carts = carts;
        this.caller = caller;
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<CreateWishlistResponse> createWishlist(CreateWishlistRequest request) {
        return caller.current().chain(me -> {
            Violations violations = new Violations().requireText("wishlist.name", request.getWishlist().getName(), 1,
                    100);
            privacy(violations, request.getWishlist().getPrivacy());
            violations.throwIfAny();
            return wishlists.create(me.userId(), request.getWishlist().getName(),
                    Privacy.of(request.getWishlist().getPrivacy()));
        }).map(contents -> CreateWishlistResponse.newBuilder().setWishlist(WishlistMapper.toProto(contents, true))
                .build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<GetWishlistResponse> getWishlist(GetWishlistRequest request) {
        return caller.current().chain(me -> wishlists.get(me.userId(), id("wishlist_id", request.getWishlistId())))
                .map(contents -> GetWishlistResponse.newBuilder().setWishlist(WishlistMapper.toProto(contents, true))
                        .build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<ListWishlistsResponse> listWishlists(ListWishlistsRequest request) {
        return caller.current().chain(me -> {
            Violations violations = new Violations();
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 1, violations);
            violations.throwIfAny();
            int offset = page.isFirstPage() ? 0 : page.intAt(0);
            return wishlists.list(me.userId(), offset, page.size() + 1).map(fetched -> {
                List<WishlistContents> served = page.pageOf(fetched);
                ListWishlistsResponse.Builder response = ListWishlistsResponse.newBuilder();
                served.forEach(contents -> response.addWishlists(WishlistMapper.toProto(contents, true)));
                if (page.hasMore(fetched)) {
                    response.setNextPageToken(PageRequest.tokenAfter(String.valueOf(offset + served.size())));
                }
                return response.build();
            });
        });
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<UpdateWishlistResponse> updateWishlist(UpdateWishlistRequest request) {
        return caller.current().chain(me -> {
            var wishlist = request.getWishlist();
            Violations violations = new Violations().requireUuid("wishlist.id", wishlist.getId());
            UpdateMask mask = UpdateMask.of(request.hasUpdateMask(), request.getUpdateMask(), UPDATABLE, violations);
            if (mask.has("name")) {
                violations.requireText("wishlist.name", wishlist.getName(), 1, 100);
            }
            if (mask.has("privacy")) {
                privacy(violations, wishlist.getPrivacy());
            }
            violations.throwIfAny();
            return wishlists.update(me.userId(), UUID.fromString(wishlist.getId()), wishlist.getName(),
                    Privacy.of(wishlist.getPrivacy()), mask);
        }).map(contents -> UpdateWishlistResponse.newBuilder().setWishlist(WishlistMapper.toProto(contents, true))
                .build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<DeleteWishlistResponse> deleteWishlist(DeleteWishlistRequest request) {
        return caller.current().chain(me -> wishlists.delete(me.userId(), id("wishlist_id", request.getWishlistId())))
                .replaceWith(DeleteWishlistResponse.getDefaultInstance());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<AddWishlistItemResponse> addWishlistItem(AddWishlistItemRequest request) {
        return caller.current().chain(me -> {
            new Violations().optionalUuid("wishlist_id", request.getWishlistId())
                    .requireUuid("product_id", request.getProductId())
                    .optionalText("notes", request.getNotes(), 500).throwIfAny();
            UUID wishlistId = request.getWishlistId().isEmpty() ? null : UUID.fromString(request.getWishlistId());
            return wishlists.addItem(me.userId(), wishlistId, UUID.fromString(request.getProductId()),
                    request.getNotes());
        }).map(contents -> AddWishlistItemResponse.newBuilder().setWishlist(WishlistMapper.toProto(contents, true))
                .build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<RemoveWishlistItemResponse> removeWishlistItem(RemoveWishlistItemRequest request) {
        return caller.current().chain(me -> {
            new Violations().requireUuid("wishlist_id", request.getWishlistId())
                    .requireUuid("item_id", request.getItemId())
                    .throwIfAny();
            return wishlists.removeItem(me.userId(), UUID.fromString(request.getWishlistId()),
                    UUID.fromString(request.getItemId()));
        }).map(contents -> RemoveWishlistItemResponse.newBuilder().setWishlist(WishlistMapper.toProto(contents, true))
                .build());
    }

    /**
     * Adds the item to the cart, then takes it off the wishlist. When the cart refuses it (out
     * of stock, catalog down) the wishlist is untouched; the only window is a crash between the
     * two steps, which leaves the item in both places — never in neither.
     */
    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<MoveWishlistItemToCartResponse> moveWishlistItemToCart(MoveWishlistItemToCartRequest request) {
        return caller.current().chain(me -> {
            new Violations().requireUuid("wishlist_id", request.getWishlistId())
                    .requireUuid("item_id", request.getItemId())
                    .range("quantity", request.getQuantity(), 0, 99).throwIfAny();
            UUID wishlistId = UUID.fromString(request.getWishlistId());
            UUID itemId = UUID.fromString(request.getItemId());
            int quantity = request.getQuantity() == 0 ? 1 : request.getQuantity();
            return wishlists.item(me.userId(), wishlistId, itemId)
                    .chain(item -> carts.add(me.userId(), item.productId, quantity, Map.of()))
                    .chain(cart -> wishlists.removeItem(me.userId(), wishlistId, itemId)
                            .map(contents -> MoveWishlistItemToCartResponse.newBuilder()
                                    .setCart(CartMapper.toProto(cart))
                                    .setWishlist(WishlistMapper.toProto(contents, true)).build()));
        });
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<GetSharedWishlistResponse> getSharedWishlist(GetSharedWishlistRequest request) {
        return caller.current().chain(me -> wishlists.getShared(id("wishlist_id", request.getWishlistId()),
                request.getShareToken()))
                .map(contents -> GetSharedWishlistResponse.newBuilder()
                        .setWishlist(WishlistMapper.toProto(contents, false)).build());
    }

    private static void privacy(Violations violations, WishlistPrivacy privacy) {
        violations.check(privacy != WishlistPrivacy.UNRECOGNIZED, "wishlist.privacy", "is not a known privacy");
    }

    private static UUID id(String field, String value) {
        new Violations().requireUuid(field, value).throwIfAny();
        return UUID.fromString(value);
    }
}
