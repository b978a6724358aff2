package org.commercemesh.order.shipping;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.commercemesh.order.v1.AddressSnapshot;
import org.commercemesh.platform.error.UnavailableException;
import org.commercemesh.platform.http.ProviderHttp;
import org.commercemesh.platform.money.Amount;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * A carrier aggregator speaking EasyPost's shipments API: {@code POST /v2/shipments} with the
 * addresses and the parcel (ounces, inches) answers a shipment id and its rates;
 * {@code POST /v2/shipments/{id}/buy} with a rate id answers the tracking code. HTTP basic auth
 * with the API key as user name. The order id is the shipment's reference, so buying again for
 * the same order is the carrier's to refuse or repeat, never a second parcel.
 */
@Singleton
@Typed(CarrierShippingProvider.class)
public class CarrierShippingProvider implements ShippingProvider {

    private static final double GRAMS_PER_OUNCE = 28.349523125;
    private static final double MM_PER_INCH = 25.4;

    private final ProviderHttp http;
    private final String base;
    private final String authorization;
    private final ShippingTable table;

    public CarrierShippingProvider(ProviderHttp http, ShippingTable table,
            @ConfigProperty(name = "commerce.shipping.carrier.base-url") String baseUrl,
            @ConfigProperty(name = "commerce.shipping.carrier.api-key") Optional<String> apiKey) {
        if (apiKey.isEmpty()) {
            throw new IllegalStateException("the carrier shipping provider needs COMMERCE_SHIPPING_CARRIER_API_KEY");
        }
        this.http = http;
        this.table = table;
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((apiKey.get() + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "carrier";
    }

    @Override
    public Uni<List<Offer>> quote(Parcel parcel, AddressSnapshot to, String currency) {
        JsonObject shipment = new JsonObject()
                .put("to_address", address(to))
                .put("from_address", new JsonObject().put("country", table.originCountry()))
                .put("parcel", parcel(parcel));
        return call("/v2/shipments", new JsonObject().put("shipment", shipment)).map(answer -> {
            String shipmentId = answer.getString("id");
            return answer.getJsonArray("rates").stream().map(JsonObject.class::cast)
                    .filter(rate -> currency.equals(rate.getString("currency")))
                    .map(rate -> new Offer(shipmentId + "/" + rate.getString("id"), rate.getString("carrier"),
                            rate.getString("service"), new Amount(new BigDecimal(rate.getString("rate")), currency),
                            rate.getInteger("delivery_days", 0)))
                    .sorted(Comparator.comparing((Offer offer) -> offer.amount().value()))
                    .toList();
        });
    }

    @Override
    public Uni<String> ship(String reference, UUID orderId, Parcel parcel, AddressSnapshot to) {
        String[] ids = reference.split("/", 2);
        return call("/v2/shipments/" + ids[0] + "/buy", new JsonObject()
                .put("rate", new JsonObject().put("id", ids[1])).put("reference", orderId.toString()))
                .map(answer -> answer.getString("tracking_code"));
    }

    private Uni<JsonObject> call(String path, JsonObject body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(ProviderHttp.TIMEOUT)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.encode())).build();
        return http.send("the carrier", request).map(CarrierShippingProvider::answer);
    }

    private static JsonObject answer(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new UnavailableException("the carrier refused: HTTP " + response.statusCode() + " "
                    + (response.body().length() > 200 ? response.body().substring(0, 200) : response.body()));
        }
        return new JsonObject(response.body());
    }

    private static JsonObject address(AddressSnapshot to) {
        return new JsonObject().put("name", to.getRecipientName()).put("street1", to.getLine1())
                .put("street2", to.getLine2()).put("city", to.getCity()).put("state", to.getRegion())
                .put("zip", to.getPostalCode()).put("country", to.getCountryCode()).put("phone", to.getPhone());
    }

    private static JsonObject parcel(Parcel parcel) {
        JsonObject json = new JsonObject().put("weight",
                Math.max(0.1, Math.round(parcel.weightGrams() / GRAMS_PER_OUNCE * 10) / 10.0));
        if (parcel.cubeSideMm() > 0) {
            double side = Math.round(parcel.cubeSideMm() / MM_PER_INCH * 10) / 10.0;
            json.put("length", side).put("width", side).put("height", side);
        }
        return json;
    }
}
