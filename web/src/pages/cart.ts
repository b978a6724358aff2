import { shop, signedIn } from "../shop.js";
import { e, money, notice, renderer, updateBadge, words } from "../ui.js";

export async function addToCart(productId: string, quantity: number): Promise<void> {
  if (!signedIn()) {
    location.hash = "#/login";
    notice("Please sign in to fill a cart.");
    return;
  }
  try {
    const { cart } = await shop.cartService.addCartItem({ productId, quantity });
    const line = cart?.items.find((item) => item.productId === productId);
    notice(`${line?.name ?? "The product"} is in your cart.`);
    updateBadge(cart?.itemCount ?? 0);
  } catch (error) {
    notice(words(error), "error");
  }
}

/** The cart: quantities change in place, a line whose price moved since it was added says so. */
export async function cartPage(): Promise<void> {
  const render = renderer();
  if (!signedIn()) {
    location.hash = "#/login";
    return;
  }
  const { cart } = await shop.cartService.getCart({});
  updateBadge(cart?.itemCount ?? 0);
  if (!cart || cart.items.length === 0) {
    render(`<h1>Your cart</h1><p id="cart-empty">Your cart is empty. <a href="#/">Browse the shop</a>.</p>`);
    return;
  }
  const root = render(`<h1>Your cart</h1>
    ${cart.priceChanged ? `<p class="warning" role="alert">Some prices changed since you added the items; the cart shows today's prices.</p>` : ""}
    <table class="cart"><caption class="visually-hidden">Items in your cart</caption>
      <thead><tr><th scope="col">Product</th><th scope="col">Price</th><th scope="col">Quantity</th><th scope="col">Total</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
      <tbody>${cart.items.map((item) => `<tr data-line="${e(item.id)}">
        <th scope="row"><a href="#/product/${e(item.productId)}">${e(item.name)}</a></th>
        <td>${money(item.currentUnitPrice ?? item.unitPrice)}${item.priceChanged
          ? `<br /><small class="warning">was ${money(item.unitPrice)} when added</small>` : ""}</td>
        <td><label class="visually-hidden" for="qty-${e(item.id)}">Quantity of ${e(item.name)}</label>
          <input id="qty-${e(item.id)}" type="number" min="1" max="99" value="${item.quantity}" data-qty="${e(item.id)}" /></td>
        <td>${money(item.lineTotal)}</td>
        <td><button type="button" data-remove="${e(item.id)}">Remove</button></td></tr>`).join("")}</tbody>
    </table>
    <p class="subtotal">Subtotal: <strong id="subtotal">${money(cart.subtotal)}</strong></p>
    <p><a class="button" href="#/checkout">Check out</a></p>`);
  root.querySelectorAll<HTMLInputElement>("[data-qty]").forEach((input) => input.addEventListener("change", async () => {
    try {
      await shop.cartService.updateCartItem({ itemId: input.dataset.qty!, quantity: Number(input.value) });
      await cartPage();
    } catch (error) {
      notice(words(error), "error");
    }
  }));
  root.querySelectorAll<HTMLButtonElement>("[data-remove]").forEach((button) => button.addEventListener("click", async () => {
    try {
      await shop.cartService.removeCartItem({ itemId: button.dataset.remove! });
      await cartPage();
    } catch (error) {
      notice(words(error), "error");
    }
  }));
}
