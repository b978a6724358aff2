package org.commercemesh.cart.wishlist;

import org.commercemesh.cart.v1.Wishlist;
import org.commercemesh.cart.v1.WishlistItem;
import org.commercemesh.platform.time.ProtoTime;

/** Wishlists to commerce.cart.v1 messages. */
public final class WishlistMapper {

    private WishlistMapper() {
    }

    /** The share token goes only to the owner. */
    public static Wishlist toProto(WishlistContents contents, boolean owner) {
        CustomerWishlist wishlist = contents.wishlist();
        Wishlist.Builder message = Wishlist.newBuilder()
                .setId(wishlist.id.toString())
                .setUserId(wishlist.userId.toString())
                .setName(wishlist.name)
                .setPrivacy(wishlist.privacy.toProto())
                .setIsDefault(wishlist.isDefault)
                .setItemCount((int) contents.entryCount())
                .setCreateTime(ProtoTime.toProto(wishlist.createdAt))
                .setUpdateTime(ProtoTime.toProto(wishlist.updatedAt));
        if (owner && wishlist.shareToken != null) {
            message.setShareToken(wishlist.shareToken);
        }
        contents.entries().forEach(entry -> message.addItems(WishlistItem.newBuilder()
                .setId(entry.id.toString()).setProductId(entry.productId.toString()).setNotes(entry.notes)
                .setAddTime(ProtoTime.toProto(entry.addedAt))));
        return message.build();
    }
}
