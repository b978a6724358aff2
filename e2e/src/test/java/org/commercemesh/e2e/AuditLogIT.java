package org.commercemesh.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.commercemesh.testing.auth.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The audit log from outside: an admin's change in catalog-svc, made through the edge, is read
 * back from user-svc's log by its request id — one log for the whole mesh.
 */
class AuditLogIT {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private static Mesh mesh;

    @BeforeAll
    static void startTheMesh() {
        mesh = Mesh.get();
    }

    @Test
    void givenAnAdminRepricesAProductThroughTheEdge_thenTheLogShowsWhoWhatBeforeAfterAndTheRequestId() {
        String adminId = UUID.randomUUID().toString();
        JsonOverHttp admin = new JsonOverHttp(mesh.edge(), TestTokens.admin(UUID.fromString(adminId)));
        JsonObject product = admin.post("/v1/products", new JsonObject().put("sku", "AUDIT-" + UUID.randomUUID())
                .put("name", "Audited Teapot " + UUID.randomUUID()).put("status", "PRODUCT_STATUS_ACTIVE")
                .put("price", new JsonObject().put("currencyCode", "THB").put("units", "400"))).body()
                .getJsonObject("product");
        String id = product.getString("id");

        JsonOverHttp.Reply repriced = admin.send("PATCH", "/v1/products/" + id + "?updateMask=price",
                new JsonObject().put("price", new JsonObject().put("currencyCode", "THB").put("units", "450")));
        assertThat(repriced.status()).isEqualTo(200);
        String requestId = repriced.raw().headers().firstValue("x-request-id").orElseThrow();

        await().atMost(EVENTUALLY).until(() -> entries(admin, id).size() == 2);
        JsonObject update = entries(admin, id).getJsonObject(0);
        assertThat(update.getString("action")).isEqualTo("product.update");
        assertThat(update.getString("actor")).isEqualTo(adminId);
        assertThat(update.getString("service")).isEqualTo("catalog-svc");
        assertThat(update.getString("requestId")).isEqualTo(requestId);
        assertThat(update.getJsonObject("before").getJsonObject("price").getString("units")).isEqualTo("400");
        assertThat(update.getJsonObject("after").getJsonObject("price").getString("units")).isEqualTo("450");
        assertThat(new JsonOverHttp(mesh.edge(), TestTokens.customer(UUID.randomUUID()))
                .get("/v1/auditEntries?resourceId=" + id).status()).isEqualTo(403);
    }

    private static JsonArray entries(JsonOverHttp admin, String resourceId) {
        return admin.get("/v1/auditEntries?resourceId=" + resourceId).body().getJsonArray("entries", new JsonArray());
    }
}
