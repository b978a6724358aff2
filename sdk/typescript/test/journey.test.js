import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { createCommerceClient, userLogin, describeError, order as orders } from "../dist/index.js";

// Runs against a mesh's front door over grpc-web: COMMERCE_EDGE_URL=http://127.0.0.1:8080
// (the e2e suite sets it; by hand, after dev/mesh up).
const edge = process.env.COMMERCE_EDGE_URL;
const options = { skip: edge ? false : "COMMERCE_EDGE_URL is not set (no running mesh)" };
const password = "correct horse battery";

async function newCustomer(prefix) {
  const email = `${prefix}-${randomUUID()}@example.com`;
  await createCommerceClient({ baseUrl: edge }).authService.register({ email, password, firstName: "Tess" });
  const client = createCommerceClient({ baseUrl: edge, credentials: userLogin(email, password) });
  await client.addressService.createAddress({ address: { recipientName: "Tess", line1: "9 Ratchadamri Rd",
    city: "Bangkok", postalCode: "10330", countryCode: "TH" } });
  return client;
}

async function tentInCart(client) {
  const found = await client.productService.searchProducts({ query: "campng tent", filter: { inStockOnly: true } });
  assert.ok(found.products.length > 0, "a typo still finds the tent");
  await client.cartService.addCartItem({ productId: found.products[0].id, quantity: 1 });
}

test("given a person on the SDK, when they buy over grpc-web, then the order is confirmed and paid", options, async () => {
  const tess = await newCustomer("ts");
  await tentInCart(tess);

  const { order } = await tess.orderService.placeOrder({ requestId: randomUUID(), paymentToken: "tok_visa" });

  assert.equal(order.status, orders.OrderStatus.CONFIRMED);
  const mine = await tess.orderService.listOrders({});
  assert.ok(mine.orders.some((o) => o.id === order.id));
});

test("given a declined card, the error says PAYMENT_DECLINED and the cart keeps its line", options, async () => {
  const tess = await newCustomer("ts-declined");
  await tentInCart(tess);

  const failure = await tess.orderService.placeOrder({ requestId: randomUUID(), paymentToken: "tok_declined" })
    .then(() => undefined, (e) => e);

  assert.equal(describeError(failure).reason, "PAYMENT_DECLINED");
  assert.equal((await tess.cartService.getCart({})).cart.items.length, 1);
});

test("given an invalid registration, the error lists every invalid field", options, async () => {
  const failure = await createCommerceClient({ baseUrl: edge }).authService
    .register({ email: "not-an-address", password: "short" }).then(() => undefined, (e) => e);

  const described = describeError(failure);
  assert.equal(described.codeName, "invalid_argument");
  assert.deepEqual(described.fieldViolations.map((v) => v.field).sort(), ["email", "first_name", "password"]);
});

test("given a session near expiry, the SDK renews it through the refresh token and calls go on", options, async () => {
  const email = `ts-renew-${randomUUID()}@example.com`;
  await createCommerceClient({ baseUrl: edge }).authService.register({ email, password, firstName: "Ren" });
  // Renew once the 15-minute token is older than about a second: the renewal below is real.
  const ren = createCommerceClient({ baseUrl: edge, credentials: userLogin(email, password), refreshAheadMs: 15 * 60_000 - 1_000 });
  const first = await ren.accessToken();
  await new Promise((resolve) => setTimeout(resolve, 1_500));

  const renewed = await ren.accessToken();

  assert.notEqual(renewed, first);
  assert.equal((await ren.userService.getMe({})).user.email, email);
});
