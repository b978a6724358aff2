import { describeError, user } from "@commerce-mesh/sdk";
import { shop, signedIn } from "../shop.js";
import { e, field, money, renderer, showErrors, updateBadge } from "../ui.js";

const CARDS: [string, string][] = [
  ["tok_visa", "Visa ending 4242 (sandbox: paid)"],
  ["tok_declined", "Mastercard ending 0002 (sandbox: declined)"],
];

/**
 * Checkout: a delivery address (pick one, or add one here), a coupon, a delivery option quoted for
 * that address (or the shop's flat fee) and a sandbox card.
 */
export async function checkoutPage(): Promise<void> {
  const render = renderer();
  if (!signedIn()) {
    location.hash = "#/login";
    return;
  }
  const [{ cart }, { addresses }] = await Promise.all([
    shop.cartService.getCart({}), shop.addressService.listAddresses({ pageSize: 20 })]);
  const root = render(`<h1>Checkout</h1>
    <p>${cart?.itemCount ?? 0} items, subtotal <strong>${money(cart?.subtotal)}</strong> (VAT and delivery are added at the end).</p>
    <form id="coupon" class="form" novalidate>
      <p class="form-alert" role="alert"></p>
      ${field("code", "Coupon code", "text", `value="${e(cart?.couponCode ?? "")}"`)}
      <button type="submit">Apply</button>
      <p id="coupon-state">${cart?.couponCode ? couponState(cart.couponProblem, money(cart.discount)) : ""}</p>
    </form>
    ${addresses.length ? "" : `<form id="address" class="form" novalidate><h2>Delivery address</h2>
      <p class="form-alert" role="alert"></p>
      ${field("recipient_name", "Recipient")}${field("line1", "Address")}${field("city", "City")}
      ${field("postal_code", "Postal code")}${field("country_code", "Country code (e.g. TH)", "text", 'value="TH" maxlength="2"')}
      <button type="submit">Save address</button></form>`}
    <form id="place" class="form" novalidate>
      <p class="form-alert" role="alert"></p>
      ${addresses.length ? `<fieldset><legend>Deliver to</legend>${addresses.map((address, i) => `<label class="choice">
        <input type="radio" name="address" value="${e(address.id)}" ${address.isDefault || i === 0 ? "checked" : ""} />
        ${e(address.recipientName)}, ${e(address.line1)}, ${e(address.city)} ${e(address.postalCode)}</label>`).join("")}</fieldset>` : ""}
      <fieldset id="delivery"><legend>Delivery</legend><p>Choose an address to see the options.</p></fieldset>
      <fieldset><legend>Pay with</legend>${CARDS.map(([token, label], i) => `<label class="choice">
        <input type="radio" name="card" value="${token}" ${i === 0 ? "checked" : ""} /> ${e(label)}</label>`).join("")}</fieldset>
      <button type="submit" ${addresses.length ? "" : "disabled"}>Place order</button>
    </form>`);
  root.querySelector<HTMLFormElement>("#address")?.addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    try {
      await shop.addressService.createAddress({ address: { type: user.AddressType.SHIPPING,
        recipientName: String(data.get("recipient_name")), line1: String(data.get("line1")), city: String(data.get("city")),
        postalCode: String(data.get("postal_code")), countryCode: String(data.get("country_code")) } });
      await checkoutPage();
    } catch (error) {
      showErrors(form, error);
    }
  });
  const coupon = root.querySelector<HTMLFormElement>("#coupon")!;
  coupon.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const { cart: updated } = await shop.cartService.applyCoupon({ code: String(new FormData(coupon).get("code")) });
      coupon.querySelector("#coupon-state")!.textContent = couponState(updated!.couponProblem, money(updated!.discount));
      coupon.querySelector(".form-alert")!.textContent = "";
    } catch (error) {
      showErrors(coupon, error);
      if (describeError(error).codeName === "not_found") {
        coupon.querySelector(".form-alert")!.textContent = "We do not know that code.";
      }
    }
  });
  const place = root.querySelector<HTMLFormElement>("#place")!;
  const delivery = place.querySelector<HTMLFieldSetElement>("#delivery")!;
  const quote = async (addressId: string): Promise<void> => {
    try {
      const { rates } = await shop.orderService.quoteShipping({ shippingAddressId: addressId });
      delivery.innerHTML = `<legend>Delivery</legend><label class="choice"><input type="radio" name="rate" value="" checked />
        The shop's standard delivery (free above 1,000 THB)</label>${rates.map((rate) => `<label class="choice">
        <input type="radio" name="rate" value="${e(rate.id)}" /> ${e(rate.carrier)} ${e(rate.service)},
        ${e(String(rate.estimatedDays))} day(s): ${money(rate.amount)}</label>`).join("")}`;
    } catch {
      delivery.innerHTML = `<legend>Delivery</legend><p>The shop's standard delivery.</p>`;
    }
  };
  place.querySelectorAll<HTMLInputElement>('input[name="address"]').forEach((input) =>
    input.addEventListener("change", () => void quote(input.value)));
  const chosen = place.querySelector<HTMLInputElement>('input[name="address"]:checked');
  if (chosen) {
    // Not awaited: the form must take its submit handler now, whatever the quote takes.
    void quote(chosen.value);
  }
  // One request id per attempt: a double click or a retry after a lost answer never orders
  // twice. A declined card ends that order (CANCELLED), so another card is a new attempt.
  let requestId = crypto.randomUUID();
  place.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(place);
    const button = place.querySelector("button")!;
    button.disabled = true;
    try {
      const { order } = await shop.orderService.placeOrder({ requestId, shippingAddressId: String(data.get("address") ?? ""),
        paymentToken: String(data.get("card")), shippingRateId: String(data.get("rate") ?? "") });
      updateBadge(0);
      location.hash = `#/orders/${order!.id}?placed=1`;
    } catch (error) {
      if (describeError(error).reason === "PAYMENT_DECLINED") {
        requestId = crypto.randomUUID();
      }
      showErrors(place, error);
      button.disabled = false;
    }
  });
}

function couponState(problem: string | undefined, discount: string): string {
  const why: Record<string, string> = {
    COUPON_MINIMUM_NOT_MET: "Your cart does not reach this coupon's minimum yet.",
    COUPON_EXPIRED: "This coupon has expired.",
    COUPON_NOT_STARTED: "This coupon is not valid yet.",
    COUPON_NOT_APPLICABLE: "This coupon does not apply to anything in your cart.",
    COUPON_INACTIVE: "This coupon is no longer valid.",
  };
  return problem ? why[problem] ?? "This coupon gives no discount now." : `Coupon applied: ${discount} off.`;
}
