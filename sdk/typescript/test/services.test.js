import { test } from "node:test";
import assert from "node:assert/strict";
import { createCommerceClient } from "../dist/index.js";
import { file_commerce_user_v1_user } from "../dist/gen/commerce/user/v1/user_pb.js";
import { file_commerce_catalog_v1_catalog } from "../dist/gen/commerce/catalog/v1/catalog_pb.js";
import { file_commerce_cart_v1_cart } from "../dist/gen/commerce/cart/v1/cart_pb.js";
import { file_commerce_order_v1_order } from "../dist/gen/commerce/order/v1/order_pb.js";
import { file_commerce_audit_v1_audit } from "../dist/gen/commerce/audit/v1/audit_pb.js";

test("given the generated contracts, the client exposes every external service and no internal one", () => {
  const client = createCommerceClient({ baseUrl: "http://127.0.0.1:1" });
  const services = [file_commerce_user_v1_user, file_commerce_catalog_v1_catalog, file_commerce_cart_v1_cart,
    file_commerce_order_v1_order, file_commerce_audit_v1_audit].flatMap((file) => file.services.map((s) => s.name));

  for (const name of services) {
    const key = name.charAt(0).toLowerCase() + name.slice(1);
    assert.equal(key in client, name !== "InventoryService", `${name} ${name === "InventoryService" ? "is internal" : "is missing"}`);
  }
});

test("given the internal RPCs of external services, the clients leave them out", () => {
  const client = createCommerceClient({ baseUrl: "http://127.0.0.1:1" });

  assert.equal("batchGetProducts" in client.productService, false);
  assert.equal("redeemCoupon" in client.cartService, false);
  assert.equal(typeof client.productService.getProduct, "function");
  assert.equal(typeof client.cartService.applyCoupon, "function");
});
