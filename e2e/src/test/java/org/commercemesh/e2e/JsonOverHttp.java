package org.commercemesh.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.vertx.core.json.JsonObject;

/** A partner's client: JSON over plain HTTP/1.1 to the edge, the way curl would call it. No gRPC anywhere. */
final class JsonOverHttp {

    record Reply(int status, JsonObject body, HttpResponse<String> raw) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI edge;
    private final String token;

    JsonOverHttp(URI edge, String token) {
        this.edge = edge;
        this.token = token;
    }

    JsonOverHttp as(String accessToken) {
        return new JsonOverHttp(edge, accessToken);
    }

    Reply get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    Reply post(String path, JsonObject body) {
        return send("POST", path, body);
    }

    Reply send(String method, String pathAndQuery, JsonObject body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(edge.resolve(pathAndQuery)).timeout(Duration.ofSeconds(20))
                .method(method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        if (token != null) {
            request.header("authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Reply(response.statusCode(), text.startsWith("{") ? new JsonObject(text) : new JsonObject(),
                    response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
