// Opens the newest trace holding a PlaceOrder in Zipkin's UI and saves a screenshot; see dev/trace-screenshot.
const { chromium } = require('playwright-core');

const [zipkin, out] = process.argv.slice(2);

(async () => {
  const traces = await (await fetch(`${zipkin}/zipkin/api/v2/traces?serviceName=order-svc&limit=50&lookback=3600000`)).json();
  const placed = traces
    .filter((spans) => spans.some((span) => span.name && span.name.toLowerCase().includes('placeorder')))
    .sort((a, b) => Math.max(...b.map((s) => s.timestamp)) - Math.max(...a.map((s) => s.timestamp)));
  if (placed.length === 0) throw new Error('no trace with a PlaceOrder span yet: buy something first');
  const traceId = placed[0][0].traceId;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
  const page = await browser.newPage({ viewport: { width: 1440, height: 2700 } });
  await page.goto(`${zipkin}/zipkin/traces/${traceId}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out, fullPage: false });
  await browser.close();
  console.log(`trace ${traceId}: ${placed[0].length} spans, ${new Set(placed[0].map((s) => s.localEndpoint.serviceName)).size} services`);
})().catch((failure) => {
  console.error(failure.message);
  process.exit(1);
});
