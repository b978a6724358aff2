import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { chromium } from "playwright-core";
import { createCommerceClient, userLogin } from "@commerce-mesh/sdk";

// The storefront in Debian's Chromium, headless, against a mesh whose edge serves web/dist:
// COMMERCE_WEB_URL=http://127.0.0.1:8080 (the e2e suite sets it; by hand, after dev/mesh up).
const base = process.env.COMMERCE_WEB_URL;
const options = { skip: base ? false : "COMMERCE_WEB_URL is not set (no running mesh)" };
const screenshots = process.env.SCREENSHOTS ?? "target/screenshots";
const password = "correct horse battery";
let browser;

before(async () => {
  if (base) {
    mkdirSync(screenshots, { recursive: true });
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  }
});

after(async () => browser?.close());

async function person(name) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByRole("link", { name: "Create account" }).click();
  await page.getByLabel("First name").fill(name);
  const email = `${name.toLowerCase()}-${randomUUID()}@example.com`;
  page.email = email;
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password (8 characters or more)").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  try {
    await page.getByText(`Hi, ${name}`).waitFor();
  } catch (error) {
    await page.screenshot({ path: `${screenshots}/failed-register-${name}.png` });
    throw error;
  }
  return page;
}

async function addFirstResult(page, query) {
  await page.getByLabel("Search products").fill(query);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("heading", { name: `Results for “${query}”` }).waitFor();
  await page.locator("main .card").filter({ has: page.getByRole("button", { name: "Add to cart" }) }).first()
    .getByRole("button", { name: "Add to cart" }).click();
  await page.getByText("is in your cart").waitFor();
}

async function openFirstResult(page, query) {
  await page.getByLabel("Search products").fill(query);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("heading", { name: `Results for “${query}”` }).waitFor();
  await page.locator("main .card a").first().click();
  await page.getByRole("button", { name: "Add to wishlist" }).waitFor();
}

async function checkOut(page, card) {
  await page.getByRole("link", { name: /^Cart/ }).click();
  await page.getByRole("link", { name: "Check out" }).click();
  await page.getByLabel("Recipient").fill("Pat Lee");
  await page.getByLabel("Address").fill("1 Sukhumvit Rd");
  await page.getByLabel("City").fill("Bangkok");
  await page.getByLabel("Postal code").fill("10110");
  await page.getByRole("button", { name: "Save address" }).click();
  // The page renders again with the saved address to choose: pick the card on that one.
  await page.getByRole("group", { name: "Deliver to" }).waitFor();
  await page.getByLabel(card).check();
  await page.getByRole("button", { name: "Place order" }).click();
}

test("a person registers, searches with a typo, adds two products, checks out, and sees the order confirmed and the cart empty",
  options, async () => {
    const page = await person("Pat");
    await page.goto(`${base}/#/`);
    await page.getByRole("heading", { name: "Products" }).waitFor();
    await page.screenshot({ path: `${screenshots}/catalog.png` });

    await addFirstResult(page, "campng tent");
    await addFirstResult(page, "wireles hedphones");
    await page.getByRole("link", { name: /^Cart/ }).click();
    await page.locator("table.cart tbody tr").nth(1).waitFor();
    assert.equal(await page.locator("table.cart tbody tr").count(), 2);
    await page.screenshot({ path: `${screenshots}/cart.png` });

    await checkOut(page, /Visa ending 4242/);
    await page.getByText("Thank you! Your order is placed.").waitFor();
    assert.equal(await page.locator("#order-status").textContent(), "Confirmed");
    await page.screenshot({ path: `${screenshots}/order.png` });

    // The cart gives up the bought lines when OrderConfirmed reaches cart-svc over Kafka.
    await page.goto(`${base}/#/cart`);
    for (let attempt = 0; attempt < 20 && !(await page.locator("#cart-empty").isVisible()); attempt++) {
      await page.waitForTimeout(1_000);
      await page.reload();
      await page.getByRole("heading", { name: "Your cart" }).waitFor();
    }
    await page.locator("#cart-empty").waitFor();
    await page.context().close();
  });

test("a declined card is explained in words, the cart keeps its line, and another card then buys it", options, async () => {
  const page = await person("Dee");
  await addFirstResult(page, "camping tent");

  await checkOut(page, /declined/);

  await page.getByText("Your card was declined.").waitFor();
  await page.screenshot({ path: `${screenshots}/declined.png` });
  const dee = createCommerceClient({ baseUrl: base, credentials: userLogin(page.email, password) });
  assert.equal((await dee.cartService.getCart({})).cart.items.length, 1, "the declined checkout kept the cart line");
  // On the same page, another card is a new attempt, not the declined order again.
  await page.getByLabel(/Visa ending 4242/).check();
  await page.getByRole("button", { name: "Place order" }).click();
  await page.getByText("Thank you! Your order is placed.").waitFor();
  assert.equal(await page.locator("#order-status").textContent(), "Confirmed");
  await page.context().close();
});

test("invalid registration fields are named next to their inputs", options, async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/#/register`);
  await page.getByLabel("E-mail").fill("not-an-address");
  await page.getByLabel("Password (8 characters or more)").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  await page.getByText("Please check the highlighted fields.").waitFor();
  assert.equal(await page.locator("#email-error").isVisible(), true);
  assert.equal(await page.locator("#password-error").isVisible(), true);
  assert.equal(await page.locator("#first_name-error").isVisible(), true);
  await context.close();
});

test("a second person, signed in, opens a shared wishlist link and sees the list", options, async () => {
  const owner = await person("Wil");
  await openFirstResult(owner, "camping tent");
  const productName = await owner.getByRole("heading", { level: 1 }).textContent();
  await owner.getByRole("button", { name: "Add to wishlist" }).click();
  await owner.getByText("is on your wishlist").waitFor();
  await owner.getByRole("link", { name: "Wishlists" }).click();
  await owner.getByRole("button", { name: "Share with a link" }).click();
  const link = await owner.locator("a.share-link").getAttribute("href");

  // GetSharedWishlist serves a SHARED list to any signed-in person holding its token.
  const friend = await person("Fay");
  await friend.goto(link);

  await friend.getByText("A wishlist shared with you.").waitFor();
  await friend.getByRole("link", { name: productName }).waitFor();
  await friend.screenshot({ path: `${screenshots}/shared-wishlist.png` });
  await owner.context().close();
  await friend.context().close();
});

test("a signed-in person reviews a product once, and the review waits for a moderator", options, async () => {
  const page = await person("Rev");
  await openFirstResult(page, "camping tent");

  await page.getByRole("button", { name: "Post review" }).click();
  await page.locator("#rating-error").waitFor();
  await page.getByLabel("Your rating").selectOption("4");
  await page.getByLabel("Title (optional)").fill("Roomy");
  await page.getByLabel("Your review (optional)").fill("Two of us and the bags fit.");
  await page.getByRole("button", { name: "Post review" }).click();
  await page.getByText("Thank you! Your review appears here once a moderator has read it.").waitFor();
  await page.screenshot({ path: `${screenshots}/review.png` });

  await page.reload();
  await page.getByLabel("Your rating").selectOption("5");
  await page.getByRole("button", { name: "Post review" }).click();
  await page.getByText("You have reviewed this product already.").waitFor();
  await page.context().close();
});

// The SMS gateway the mesh texts through (a local server speaking Twilio's API): its message list
// is what the person would read on their phone.
const twilio = process.env.COMMERCE_TWILIO_URL;
const twilioOptions = { skip: base && twilio ? false : "COMMERCE_WEB_URL or COMMERCE_TWILIO_URL is not set" };

async function lastCodeTextedTo(phone) {
  const sid = process.env.COMMERCE_TWILIO_ACCOUNT_SID;
  const auth = Buffer.from(`${sid}:${process.env.COMMERCE_TWILIO_AUTH_TOKEN}`).toString("base64");
  const response = await fetch(`${twilio}/2010-04-01/Accounts/${sid}/Messages.json?To=${encodeURIComponent(phone)}`,
    { headers: { Authorization: `Basic ${auth}` } });
  const listed = await response.json();
  assert.ok(listed.messages?.length > 0, `no text reached ${phone}: ${response.status} ${JSON.stringify(listed)}`);
  return /\b(\d{6})\b/.exec(listed.messages[0].body)[1];
}

test("a person turns order e-mails off and confirms a phone with the texted code, which turns texts on", twilioOptions,
  async () => {
    const page = await person("Sam");
    await page.getByRole("link", { name: "Notifications" }).click();
    await page.getByRole("heading", { name: "Notifications" }).waitFor();
    assert.equal(await page.getByLabel("By e-mail").isChecked(), true, "e-mail is on for a new account");
    assert.equal(await page.getByLabel(/By text message/).isDisabled(), true, "no texts before a phone is confirmed");

    await page.getByLabel("By e-mail").uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Your notification settings are saved.").waitFor();

    const phone = `+6681${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    await page.getByLabel(/Mobile number/).fill(phone);
    const codeField = page.getByLabel("The 6-digit code we texted");
    assert.equal(await codeField.isVisible(), false, "no code to enter before one is asked for");
    await page.getByRole("button", { name: "Text me a code" }).click();
    await codeField.waitFor();
    const code = await lastCodeTextedTo(phone);

    await codeField.fill(code === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Confirm phone" }).click();
    await page.locator("#code-error").waitFor();
    await codeField.fill(code);
    await page.getByRole("button", { name: "Confirm phone" }).click();
    await page.getByText("Your phone is confirmed").waitFor();
    assert.equal(await page.getByLabel(`By text message to ${phone}`).isChecked(), true, "confirming turns texts on");
    await page.screenshot({ path: `${screenshots}/notifications.png` });
    await page.reload();
    await page.getByRole("heading", { name: "Notifications" }).waitFor();
    assert.equal(await page.getByLabel("By e-mail").isChecked(), false);
    assert.equal(await page.getByLabel(`By text message to ${phone}`).isChecked(), true);
    await page.context().close();
  });
