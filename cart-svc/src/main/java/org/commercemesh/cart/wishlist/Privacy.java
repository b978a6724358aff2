package org.commercemesh.cart.wishlist;

import org.commercemesh.cart.v1.WishlistPrivacy;
import org.commercemesh.platform.status.ContractEnum;

/**
 * Who may read a wishlist, stored by name in wishlist.privacy; the one mapping to and from the
 * contract's {@link WishlistPrivacy}.
 */
public enum Privacy implements ContractEnum<WishlistPrivacy> {
    PRIVATE(WishlistPrivacy.WISHLIST_PRIVACY_PRIVATE),
    PUBLIC(WishlistPrivacy.WISHLIST_PRIVACY_PUBLIC),
    SHARED(WishlistPrivacy.WISHLIST_PRIVACY_SHARED);

    private final WishlistPrivacy proto;

    Privacy(WishlistPrivacy proto) {
        this.proto = proto;
    }

    @Override
    public WishlistPrivacy toProto() {
        return proto;
    }

    /** A request's privacy; unset means PRIVATE, the safe default. */
    public static Privacy of(WishlistPrivacy privacy) {
        return ContractEnum.of(Privacy.class, privacy).orElse(PRIVATE);
    }
}
