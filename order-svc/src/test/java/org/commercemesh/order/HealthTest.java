package org.commercemesh.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Design §12: readiness asks PostgreSQL and Kafka; liveness only whether the process serves. */
@QuarkusTest
class HealthTest {

    @Test
    void givenARunningService_thenReadinessChecksTheDatabaseAndKafkaAndLivenessChecksNeither() throws Exception {
        JsonObject ready = health("ready");
        JsonObject live = health("live");

        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(names(ready)).contains("Reactive PostgreSQL connections health check",
                "SmallRye Reactive Messaging - readiness check");
        assertThat(live.getString("status")).isEqualTo("UP");
        assertThat(names(live)).noneMatch(name -> name.contains("PostgreSQL") || name.contains("Database")
                || name.contains("Messaging"));
    }

    private static java.util.List<String> names(JsonObject health) {
        return health.getJsonArray("checks").stream().map(check -> ((JsonObject) check).getString("name")).toList();
    }

    private static JsonObject health(String which) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/" + which)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new JsonObject(response.body());
    }
}
