import { cart } from "@commerce-mesh/sdk";
import { shop, signedIn } from "../shop.js";
import { e, notice, renderer, words } from "../ui.js";

type Wishlist = cart.Wishlist;

async function names(list: Wishlist): Promise<Map<string, string>> {
  const found = await Promise.all(list.items.map((item) => shop.productService
    .getProduct({ lookup: { case: "productId", value: item.productId } })
    .then((r) => [item.productId, r.product?.name ?? "A product"] as const, () => [item.productId, "No longer for sale"] as const)));
  return new Map(found);
}

function shareLink(list: Wishlist): string {
  return `${location.origin}${location.pathname}#/shared/${list.id}/${list.shareToken}`;
}

export async function wishlistsPage(): Promise<void> {
  const render = renderer();
  if (!signedIn()) {
    location.hash = "#/login";
    return;
  }
  const { wishlists } = await shop.wishlistService.listWishlists({ pageSize: 20 });
  const sections = await Promise.all(wishlists.map(async (list) => {
    const titles = await names(list);
    const shared = list.privacy === cart.WishlistPrivacy.SHARED && list.shareToken;
    return `<section class="wishlist" aria-labelledby="w-${e(list.id)}"><h2 id="w-${e(list.id)}">${e(list.name)}</h2>
      ${list.items.length ? `<ul>${list.items.map((item) => `<li><a href="#/product/${e(item.productId)}">${e(titles.get(item.productId))}</a>
        <button type="button" data-move="${e(list.id)}:${e(item.id)}">Move to cart</button></li>`).join("")}</ul>` : "<p>Nothing here yet.</p>"}
      ${shared ? `<p>Anyone with this link can see the list: <a class="share-link" href="${e(shareLink(list))}">${e(shareLink(list))}</a></p>`
        : `<button type="button" data-share="${e(list.id)}">Share with a link</button>`}</section>`;
  }));
  const root = render(`<h1>Your wishlists</h1>${sections.join("") || "<p>Add a product to your wishlist from its page.</p>"}`);
  root.querySelectorAll<HTMLButtonElement>("[data-share]").forEach((button) => button.addEventListener("click", async () => {
    try {
      await shop.wishlistService.updateWishlist({ wishlist: { id: button.dataset.share!, privacy: cart.WishlistPrivacy.SHARED },
        updateMask: { paths: ["privacy"] } });
      await wishlistsPage();
    } catch (error) {
      notice(words(error), "error");
    }
  }));
  root.querySelectorAll<HTMLButtonElement>("[data-move]").forEach((button) => button.addEventListener("click", async () => {
    const [wishlistId, itemId] = button.dataset.move!.split(":");
    try {
      await shop.wishlistService.moveWishlistItemToCart({ wishlistId, itemId, quantity: 1 });
      notice("Moved to your cart.");
      await wishlistsPage();
    } catch (error) {
      notice(words(error), "error");
    }
  }));
}

/** A wishlist someone shared: readable by anyone holding the link. */
export async function sharedWishlistPage(wishlistId: string, shareToken: string): Promise<void> {
  const render = renderer();
  const { wishlist } = await shop.wishlistService.getSharedWishlist({ wishlistId, shareToken });
  if (!wishlist) {
    return;
  }
  const titles = await names(wishlist);
  render(`<h1>${e(wishlist.name)}</h1><p>A wishlist shared with you.</p>
    <ul class="shared">${wishlist.items.map((item) => `<li><a href="#/product/${e(item.productId)}">${e(titles.get(item.productId))}</a>
      ${item.notes ? ` — ${e(item.notes)}` : ""}</li>`).join("")}</ul>`);
}
