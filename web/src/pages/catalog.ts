import { catalog, describeError } from "@commerce-mesh/sdk";
import { shop, signedIn } from "../shop.js";
import { e, field, money, notice, renderer, showErrors, stars, words } from "../ui.js";
import { addToCart } from "./cart.js";

type Product = catalog.Product;
type CategoryNode = catalog.CategoryNode;

function card(product: Product): string {
  const onSale = product.salePrice && product.price && product.salePrice.units < product.price.units;
  const image = product.images[0];
  return `<li class="card">
    <a href="#/product/${e(product.id)}">
      ${image ? `<img src="${e(image.url)}" alt="${e(image.altText || product.name)}" loading="lazy" width="160" height="120" />` : ""}
      <h3>${e(product.name)}</h3>
    </a>
    <p class="price">${onSale ? `<del>${money(product.price)}</del> ` : ""}<strong>${money(product.effectivePrice)}</strong></p>
    <p>${product.reviewCount ? `${stars(product.averageRating)} <small>(${product.reviewCount})</small>` : "<small>No reviews yet</small>"}</p>
    ${product.inStock ? `<button type="button" data-add="${e(product.id)}">Add to cart</button>` : `<p class="out">Out of stock</p>`}
  </li>`;
}

export function productGrid(products: Product[]): string {
  return products.length ? `<ul class="grid">${products.map(card).join("")}</ul>` : `<p>No products match.</p>`;
}

export function wireAddButtons(root: HTMLElement): void {
  root.querySelectorAll<HTMLButtonElement>("[data-add]").forEach((button) =>
    button.addEventListener("click", () => addToCart(button.dataset.add!, 1)));
}

function tree(nodes: CategoryNode[], current: string): string {
  return `<ul>${nodes.map((node) => `<li>
    <a href="#/?category=${e(node.category?.id)}" ${node.category?.id === current ? 'aria-current="page"' : ""}>${e(node.category?.name)}</a>
    ${node.children.length ? tree(node.children, current) : ""}</li>`).join("")}</ul>`;
}

const SORTS: [catalog.ProductSort, string][] = [
  [catalog.ProductSort.NEWEST, "Newest"],
  [catalog.ProductSort.PRICE_ASC, "Price: low to high"],
  [catalog.ProductSort.PRICE_DESC, "Price: high to low"],
];

/** The category tree and a product list with filters, all in the URL so a page can be shared. */
export async function catalogPage(params: URLSearchParams): Promise<void> {
  const render = renderer();
  const category = params.get("category") ?? "";
  const inStock = params.get("inStock") === "1";
  const sort = Number(params.get("sort") ?? catalog.ProductSort.NEWEST) as catalog.ProductSort;
  const [{ roots }, { products }] = await Promise.all([
    shop.categoryService.getCategoryTree({}),
    shop.productService.listProducts({ pageSize: 24, sort, filter: { categoryId: category, inStockOnly: inStock } }),
  ]);
  const root = render(`<div class="catalog">
    <nav aria-label="Categories" class="categories"><h2>Categories</h2>
      <a href="#/" ${category ? "" : 'aria-current="page"'}>All products</a>${tree(roots, category)}</nav>
    <section aria-labelledby="products-title">
      <h1 id="products-title">Products</h1>
      <form class="filters" id="filters">
        <label><input type="checkbox" name="inStock" ${inStock ? "checked" : ""} /> In stock only</label>
        <label>Sort <select name="sort">${SORTS.map(([value, label]) =>
          `<option value="${value}" ${value === sort ? "selected" : ""}>${label}</option>`).join("")}</select></label>
      </form>
      ${productGrid(products)}
    </section></div>`);
  root.querySelector<HTMLFormElement>("#filters")!.addEventListener("change", (event) => {
    const form = event.currentTarget as HTMLFormElement;
    const next = new URLSearchParams({ category, sort: (form.elements.namedItem("sort") as HTMLSelectElement).value });
    if ((form.elements.namedItem("inStock") as HTMLInputElement).checked) {
      next.set("inStock", "1");
    }
    location.hash = `#/?${next}`;
  });
  wireAddButtons(root);
}

export async function searchPage(params: URLSearchParams): Promise<void> {
  const render = renderer();
  const query = params.get("q") ?? "";
  const { products } = await shop.productService.searchProducts({ query, pageSize: 24 });
  const root = render(`<h1>Results for “${e(query)}”</h1>${productGrid(products)}`);
  wireAddButtons(root);
}

export async function productPage(id: string): Promise<void> {
  const render = renderer();
  const [{ product }, { reviews }] = await Promise.all([
    shop.productService.getProduct({ lookup: { case: "productId", value: id } }),
    shop.reviewService.listReviews({ productId: id, pageSize: 10 }),
  ]);
  if (!product) {
    return;
  }
  const attributes = Object.entries(product.attributes).map(([name, value]) => {
    const shown = value.kind.case === "list" ? value.kind.value.values.join(", ") : value.kind.value ?? "";
    return `<dt>${e(name)}</dt><dd>${e(shown)}</dd>`;
  }).join("");
  const root = render(`<article class="product">
    <h1>${e(product.name)}</h1>
    ${product.images.map((image) => `<img src="${e(image.url)}" alt="${e(image.altText || product.name)}" width="320" height="240" />`).join("")}
    <p class="price"><strong>${money(product.effectivePrice)}</strong></p>
    <p>${e(product.description || product.shortDescription)}</p>
    ${attributes ? `<dl>${attributes}</dl>` : ""}
    <form id="buy" class="buy">
      <label for="quantity">Quantity</label>
      <input id="quantity" name="quantity" type="number" min="1" max="99" value="1" />
      <button type="submit" ${product.inStock ? "" : "disabled"}>${product.inStock ? "Add to cart" : "Out of stock"}</button>
      <button type="button" id="wish">Add to wishlist</button>
    </form>
    <section aria-labelledby="reviews-title"><h2 id="reviews-title">Reviews</h2>
      <p>${product.reviewCount ? `${stars(product.averageRating)} ${product.averageRating.toFixed(1)} from ${product.reviewCount} reviews` : "No reviews yet."}</p>
      <ul class="reviews">${reviews.map((review) => `<li><p>${stars(review.rating)} <strong>${e(review.title)}</strong>
        ${review.verified ? "<small>verified purchase</small>" : ""}</p><p>${e(review.content)}</p></li>`).join("")}</ul>
      ${signedIn() ? reviewForm() : `<p><a href="#/login">Sign in</a> to review this product.</p>`}
    </section></article>`);
  root.querySelector<HTMLFormElement>("#buy")!.addEventListener("submit", (event) => {
    event.preventDefault();
    const quantity = Number((root.querySelector("#quantity") as HTMLInputElement).value);
    void addToCart(product.id, quantity);
  });
  const reviewing = root.querySelector<HTMLFormElement>("#review");
  reviewing?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(reviewing);
    try {
      await shop.reviewService.createReview({
        productId: product.id,
        rating: Number(data.get("rating")),
        title: String(data.get("title")).trim(),
        content: String(data.get("content")).trim(),
      });
      reviewing.outerHTML = `<p id="review-sent" role="status">Thank you! Your review appears here once a moderator has read it.</p>`;
    } catch (error) {
      showErrors(reviewing, error);
      if (describeError(error).codeName === "already_exists") {
        reviewing.querySelector(".form-alert")!.textContent = "You have reviewed this product already.";
      }
    }
  });
  root.querySelector<HTMLButtonElement>("#wish")!.addEventListener("click", async () => {
    try {
      await shop.wishlistService.addWishlistItem({ productId: product.id });
      notice(`${product.name} is on your wishlist.`);
    } catch (error) {
      notice(words(error), "error");
    }
  });
}

/** One review per person and product; it shows once a moderator approves it. */
function reviewForm(): string {
  return `<form id="review" class="form" novalidate>
    <h3>Write a review</h3>
    <p class="form-alert" role="alert"></p>
    <div class="field"><label for="rating">Your rating</label><select id="rating" name="rating">
      <option value="0">Choose…</option>
      ${[5, 4, 3, 2, 1].map((stars) => `<option value="${stars}">${"★".repeat(stars)} ${stars} of 5</option>`).join("")}
    </select></div>
    ${field("title", "Title (optional)", "text", 'maxlength="200"')}
    <div class="field"><label for="content">Your review (optional)</label>
      <textarea id="content" name="content" rows="4" maxlength="5000"></textarea></div>
    <button type="submit">Post review</button>
  </form>`;
}
