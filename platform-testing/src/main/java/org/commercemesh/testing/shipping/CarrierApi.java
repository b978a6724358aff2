package org.commercemesh.testing.shipping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.commercemesh.testing.http.LocalHttpServer;

import com.sun.net.httpserver.HttpExchange;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A local server speaking the part of EasyPost's shipments API the mesh uses: {@code POST
 * /v2/shipments} answers a shipment with two rates priced by the parcel's weight in ounces, and
 * {@code POST /v2/shipments/{id}/buy} answers a tracking code (the same one when bought again).
 * Basic auth with the API key as user name; 401 otherwise, 503 during an outage.
 */
public final class CarrierApi implements AutoCloseable {

    /** A shipment bought: the rate, the shop's reference (the order id) and the tracking code given. */
    public record Bought(String shipmentId, String rateId, String reference, String trackingCode,
            JsonObject toAddress) {
    }

    private record Rate(String id, String service, int amount, int days) {
    }

    private record Shipment(JsonObject request, List<Rate> rates) {
    }

    private final LocalHttpServer server;
    private final String apiKey;
    private final Map<String, Shipment> shipments = new ConcurrentHashMap<>();
    private final Map<String, Bought> bought = new ConcurrentHashMap<>();
    private final List<Bought> purchases = new CopyOnWriteArrayList<>();
    private final AtomicLong trackingNumbers = new AtomicLong(100_000_000);
    private volatile boolean down;

    public CarrierApi(String apiKey) {
        this.apiKey = apiKey;
        server = new LocalHttpServer("/v2/shipments", this::handle);
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Every purchase, a repeated one included. */
    public List<Bought> purchases() {
        return List.copyOf(purchases);
    }

    public void outage(boolean isDown) {
        this.down = isDown;
    }

    /** The price of a service for a parcel of {@code ounces}: a base plus a step per started pound. */
    public static int price(String service, double ounces) {
        int pounds = (int) Math.max(1, Math.ceil(ounces / 16));
        return "Express".equals(service) ? 150 + 40 * pounds : 60 + 25 * pounds;
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (down) {
                reply(exchange, 503,
                        new JsonObject().put("error", new JsonObject().put("code", "SERVICE_UNAVAILABLE")));
                return;
            }
            String expected = "Basic "
                    + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                reply(exchange, 401, new JsonObject().put("error", new JsonObject().put("code", "APIKEY.INACTIVE")));
                return;
            }
            JsonObject body = new JsonObject(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/v2/shipments")) {
                create(exchange, body.getJsonObject("shipment"));
            } else if (path.matches("/v2/shipments/[^/]+/buy")) {
                buy(exchange, path.split("/")[3], body);
            } else {
                reply(exchange, 404, new JsonObject().put("error", new JsonObject().put("code", "NOT_FOUND")));
            }
        }
    }

    private void create(HttpExchange exchange, JsonObject shipment) throws IOException {
        double ounces = shipment.getJsonObject("parcel").getDouble("weight");
        String id = "shp_" + UUID.randomUUID().toString().replace("-", "");
        List<Rate> rates = List.of(
                new Rate("rate_" + UUID.randomUUID().toString().replace("-", ""), "Ground", price("Ground", ounces), 3),
                new Rate("rate_" + UUID.randomUUID().toString().replace("-", ""), "Express", price("Express", ounces),
                        1));
        shipments.put(id, new Shipment(shipment, rates));
        JsonArray json = new JsonArray();
        rates.forEach(rate -> json.add(new JsonObject().put("id", rate.id()).put("object", "Rate")
                .put("carrier", "ThaiParcel").put("service", rate.service()).put("rate", rate.amount() + ".00")
                .put("currency", "THB").put("delivery_days", rate.days()).put("shipment_id", id)));
        reply(exchange, 201, new JsonObject().put("id", id).put("object", "Shipment").put("rates", json));
    }

    private void buy(HttpExchange exchange, String shipmentId, JsonObject body) throws IOException {
        Shipment shipment = shipments.get(shipmentId);
        if (shipment == null) {
            reply(exchange, 404, new JsonObject().put("error", new JsonObject().put("code", "NOT_FOUND")));
            return;
        }
        String rateId = body.getJsonObject("rate").getString("id");
        if (shipment.rates().stream().noneMatch(rate -> rate.id().equals(rateId))) {
            reply(exchange, 422, new JsonObject().put("error", new JsonObject().put("code", "SHIPMENT.RATE.INVALID")));
            return;
        }
        Bought purchase = bought.computeIfAbsent(shipmentId, id -> new Bought(id, rateId,
                body.getString("reference", ""), "TP" + trackingNumbers.incrementAndGet() + "TH",
                shipment.request().getJsonObject("to_address")));
        purchases.add(purchase);
        reply(exchange, 200, new JsonObject().put("id", shipmentId).put("tracking_code", purchase.trackingCode())
                .put("selected_rate", new JsonObject().put("id", purchase.rateId()))
                .put("postage_label", new JsonObject().put("label_url",
                        baseUrl() + "/labels/" + shipmentId + ".png")));
    }

    private static void reply(HttpExchange exchange, int status, JsonObject json) throws IOException {
        LocalHttpServer.reply(exchange, status, json.encode());
    }
}
