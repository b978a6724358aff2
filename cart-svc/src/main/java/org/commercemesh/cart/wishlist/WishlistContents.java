package org.commercemesh.cart.wishlist;

import java.util.List;

/** A wishlist with its entries; a listing carries only the count. */
public record WishlistContents(CustomerWishlist wishlist, List<WishlistEntry> entries, long entryCount) {
}
