import { order as orders } from "@commerce-mesh/sdk";
import { shop, signedIn } from "../shop.js";
import { e, money, renderer } from "../ui.js";

const STATUS: Record<number, string> = {
  [orders.OrderStatus.PENDING]: "Pending payment",
  [orders.OrderStatus.CONFIRMED]: "Confirmed",
  [orders.OrderStatus.PROCESSING]: "Being packed",
  [orders.OrderStatus.SHIPPED]: "Shipped",
  [orders.OrderStatus.DELIVERED]: "Delivered",
  [orders.OrderStatus.CANCELLED]: "Cancelled",
  [orders.OrderStatus.REFUNDED]: "Refunded",
};

function date(timestamp: { seconds: bigint } | undefined): string {
  return timestamp ? new Date(Number(timestamp.seconds) * 1000).toLocaleString("en-GB") : "";
}

export async function ordersPage(): Promise<void> {
  const render = renderer();
  if (!signedIn()) {
    location.hash = "#/login";
    return;
  }
  const { orders: mine } = await shop.orderService.listOrders({ pageSize: 50 });
  render(`<h1>Your orders</h1>${mine.length ? `<table class="orders"><thead><tr><th scope="col">Order</th>
    <th scope="col">Placed</th><th scope="col">Status</th><th scope="col">Total</th></tr></thead><tbody>
    ${mine.map((o) => `<tr><th scope="row"><a href="#/orders/${e(o.id)}">${e(o.orderNumber)}</a></th>
      <td>${date(o.createTime)}</td><td>${e(STATUS[o.status] ?? "")}</td><td>${money(o.total)}</td></tr>`).join("")}
    </tbody></table>` : "<p>No orders yet.</p>"}`);
}

export async function orderPage(id: string, params: URLSearchParams): Promise<void> {
  const render = renderer();
  const { order } = await shop.orderService.getOrder({ orderId: id });
  if (!order) {
    return;
  }
  render(`${params.get("placed") ? `<p class="success" role="status">Thank you! Your order is placed.</p>` : ""}
    <h1>Order ${e(order.orderNumber)}</h1>
    <p>Status: <strong id="order-status">${e(STATUS[order.status] ?? "")}</strong>
      ${order.trackingNumber ? ` · tracking number ${e(order.trackingNumber)}` : ""}
      ${order.cancelReason ? ` · ${e(order.cancelReason)}` : ""}</p>
    <table class="cart"><thead><tr><th scope="col">Item</th><th scope="col">Quantity</th><th scope="col">Total</th></tr></thead>
      <tbody>${order.items.map((item) => `<tr><th scope="row">${e(item.name)}</th><td>${item.quantity}</td>
        <td>${money(item.lineTotal)}</td></tr>`).join("")}</tbody></table>
    <dl class="totals"><dt>Subtotal</dt><dd>${money(order.subtotal)}</dd>
      ${order.couponCode ? `<dt>Coupon ${e(order.couponCode)}</dt><dd>−${money(order.discount)}</dd>` : ""}
      <dt>VAT</dt><dd>${money(order.tax)}</dd>
      <dt>Delivery${order.shippingCarrier ? ` (${e(order.shippingCarrier)} ${e(order.shippingService)})` : ""}</dt>
      <dd>${money(order.shipping)}</dd><dt>Total</dt><dd><strong>${money(order.total)}</strong></dd></dl>
    <p><a href="#/orders">All your orders</a></p>`);
}
