import { shop, signedIn, signOut } from "./shop.js";
import { clearNotice, e, main, newRoute, notice, renderer, updateBadge, words } from "./ui.js";
import { catalogPage, productPage, searchPage } from "./pages/catalog.js";
import { forgotPasswordPage, loginPage, registerPage, resetPasswordPage, verifyEmailPage } from "./pages/account.js";
import { cartPage } from "./pages/cart.js";
import { checkoutPage } from "./pages/checkout.js";
import { orderPage, ordersPage } from "./pages/orders.js";
import { settingsPage } from "./pages/settings.js";
import { sharedWishlistPage, wishlistsPage } from "./pages/wishlists.js";

function accountNav(): void {
  const nav = document.getElementById("account")!;
  const name = signedIn();
  nav.innerHTML = name
    ? `<a href="#/wishlists">Wishlists</a> <a href="#/orders">Orders</a> <a href="#/settings">Notifications</a>
       <a href="#/cart">Cart (<span id="cart-count">0</span>)</a>
       <span class="hello">Hi, ${e(name)}</span> <button type="button" id="sign-out">Sign out</button>`
    : `<a href="#/login">Sign in</a> <a href="#/register">Create account</a>`;
  nav.querySelector("#sign-out")?.addEventListener("click", async () => {
    await signOut();
    location.hash = "#/";
    notice("You are signed out.");
  });
  if (name) {
    shop.cartService.getCart({}).then(({ cart }) => updateBadge(cart?.itemCount ?? 0), () => undefined);
  }
}

/**
 * Hash routes: #/, #/search?q=, #/product/ID, #/login, #/register, #/forgot-password,
 * #/reset-password?token= and #/verify-email?token= (the links user-svc e-mails), #/cart,
 * #/checkout, #/orders[/ID], #/wishlists, #/shared/ID/TOKEN, #/settings.
 */
async function route(): Promise<void> {
  newRoute();
  const render = renderer();
  const [path, query] = (location.hash.slice(1) || "/").split("?");
  const params = new URLSearchParams(query ?? "");
  const parts = path.split("/").filter(Boolean);
  accountNav();
  main().setAttribute("aria-busy", "true");
  try {
    switch (parts[0] ?? "") {
      case "": await catalogPage(params); break;
      case "search": await searchPage(params); break;
      case "product": await productPage(parts[1]); break;
      case "login": loginPage(); break;
      case "register": registerPage(); break;
      case "forgot-password": forgotPasswordPage(); break;
      case "reset-password": resetPasswordPage(params); break;
      case "verify-email": await verifyEmailPage(params); break;
      case "cart": await cartPage(); break;
      case "checkout": await checkoutPage(); break;
      case "orders": await (parts[1] ? orderPage(parts[1], params) : ordersPage()); break;
      case "wishlists": await wishlistsPage(); break;
      case "shared": await sharedWishlistPage(parts[1], parts[2]); break;
      case "settings": await settingsPage(); break;
      default: render(`<h1>Not found</h1><p><a href="#/">Back to the shop</a></p>`);
    }
  } catch (error) {
    render(`<h1>Sorry</h1><p role="alert">${e(words(error))}</p>`);
  } finally {
    main().removeAttribute("aria-busy");
  }
}

document.getElementById("search")!.addEventListener("submit", (event) => {
  event.preventDefault();
  const query = (document.getElementById("q") as HTMLInputElement).value.trim();
  if (query) {
    location.hash = `#/search?q=${encodeURIComponent(query)}`;
  }
});
window.addEventListener("hashchange", () => {
  clearNotice();
  void route();
});
void route();
