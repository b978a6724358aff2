import { describeError, type CommerceError } from "@commerce-mesh/sdk";

/** Escapes text for HTML: every value the mesh returns goes through it. */
export function e(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Money {
  currencyCode: string;
  units: bigint;
  nanos: number;
}

export function money(value: Money | undefined): string {
  if (!value) {
    return "";
  }
  const amount = Number(value.units) + value.nanos / 1e9;
  return new Intl.NumberFormat("en-US", { style: "currency", currency: value.currencyCode || "THB" }).format(amount);
}

export function main(): HTMLElement {
  return document.getElementById("main")!;
}

export function render(html: string): HTMLElement {
  const root = main();
  root.innerHTML = html;
  return root;
}

let route = 0;

/** A navigation begins: what pages of earlier routes render from now on is dropped. */
export function newRoute(): void {
  route++;
}

/**
 * The render of the route current now. A page awaits the mesh before it renders; if the person
 * has moved on meanwhile, its late render must not replace the page they are on.
 */
export function renderer(): (html: string) => HTMLElement {
  const mine = route;
  return (html) => (mine === route ? render(html) : document.createElement("div"));
}

/** A short message at the top of the page, read out by screen readers. */
export function notice(text: string, kind: "info" | "error" = "info"): void {
  const box = document.getElementById("notice")!;
  box.className = kind;
  box.textContent = text;
}

export function updateBadge(count: number): void {
  const badge = document.getElementById("cart-count");
  if (badge) {
    badge.textContent = String(count);
  }
}

export function clearNotice(): void {
  notice("");
}

const REASONS: Record<string, (error: CommerceError) => string> = {
  OUT_OF_STOCK: () => "Sorry, that product is out of stock in the quantity you asked for.",
  INSUFFICIENT_STOCK: () => "Sorry, there is not enough stock left for that quantity.",
  PAYMENT_DECLINED: () => "Your card was declined. Nothing was charged and your cart is unchanged — please try another card.",
  EMPTY_CART: () => "Your cart is empty.",
  NO_SHIPPING_ADDRESS: () => "Please add a delivery address first.",
  PRODUCT_UNAVAILABLE: () => "A product in your cart is no longer for sale. Please remove it and try again.",
  CHECKOUT_IN_PROGRESS: () => "Your order is already being placed. Please wait a moment.",
  COUPON_EXHAUSTED: () => "Sorry, that coupon has just been used up. Remove it to order without it.",
  COUPON_USER_LIMIT: () => "You have already used that coupon as often as it allows.",
  ORDER_TOO_LARGE: () => "That is more than one order can hold. Please order fewer items at once.",
  NO_PHONE_VERIFICATION: () => "That code no longer works. Ask for a new one.",
  PHONE_NOT_VERIFIED: () => "Confirm a phone first: we text it a code.",
};

/** What went wrong, in words a person can act on. Never a raw status. */
export function words(error: unknown): string {
  const described = describeError(error);
  if (described.reason && REASONS[described.reason]) {
    return REASONS[described.reason](described);
  }
  switch (described.codeName) {
    case "invalid_argument":
      return "Please check the highlighted fields.";
    case "unauthenticated":
      return "Please sign in to continue.";
    case "permission_denied":
      return "Your account may not do that.";
    case "not_found":
      return "We could not find that. It may have been removed.";
    case "already_exists":
      return described.message.includes("email") ? "An account with this e-mail exists already. Sign in instead?"
        : "That exists already.";
    case "resource_exhausted":
      return "Too many attempts. Please wait a few minutes and try again.";
    case "unavailable":
    case "deadline_exceeded":
      return "The shop is not reachable right now. Please try again in a moment.";
    default:
      return described.message ? `Something went wrong: ${described.message}` : "Something went wrong. Please try again.";
  }
}

/**
 * Shows each field violation next to its field (inputs named like the request's fields, e.g.
 * "email", "first_name", "address.line1") and the summary in the form's alert region.
 */
export function showErrors(form: HTMLFormElement, error: unknown): void {
  form.querySelectorAll(".field-error").forEach((node) => node.remove());
  form.querySelectorAll("[aria-invalid]").forEach((node) => node.removeAttribute("aria-invalid"));
  for (const violation of describeError(error).fieldViolations) {
    // "address.line1" is the form's "line1" when the form is the address.
    const input = (form.elements.namedItem(violation.field)
      ?? form.elements.namedItem(violation.field.split(".").pop()!)) as HTMLInputElement | null;
    if (input) {
      const message = document.createElement("p");
      message.className = "field-error";
      message.id = `${input.id || input.name}-error`;
      message.textContent = violation.description;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", message.id);
      input.insertAdjacentElement("afterend", message);
    }
  }
  const alert = form.querySelector(".form-alert");
  if (alert) {
    alert.textContent = words(error);
  }
}

export function field(name: string, label: string, type = "text", extra = ""): string {
  return `<div class="field"><label for="${name}">${e(label)}</label><input id="${name}" name="${name}" type="${type}" ${extra} /></div>`;
}

export function stars(rating: number): string {
  const full = Math.round(rating);
  return `<span class="stars" aria-label="${rating.toFixed(1)} out of 5">${"★".repeat(full)}${"☆".repeat(5 - full)}</span>`;
}
