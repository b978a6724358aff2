package org.commercemesh.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.commercemesh.edge.config.EnvoyYaml;
import org.commercemesh.edge.config.FrontDoorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storefront's files beside the API on the local edge: served, cached by kind, never outside their folder. */
class StaticSiteTest {

    @TempDir
    static Path dir;
    static Edge edge;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path site = Files.createDirectories(dir.resolve("dist"));
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>shop</title>");
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("assets/app-1a2b.js"), "console.log('shop')");
        Files.writeString(dir.resolve("secret.txt"), "not for the web");
        FrontDoorConfig config = EnvoyYaml.read(EdgeTest.ENVOY_YAML).withDescriptorSet(EdgeTest.DESCRIPTORS)
                .listenOn(new FrontDoorConfig.Endpoint("127.0.0.1", 0));
        edge = EdgeTest.await(
                Edge.start(config, site, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void stop() throws Exception {
        EdgeTest.await(edge.close());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + edge.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenTheRoot_thenThePageIsServedAndNeverCached_andHashedAssetsAreCachedForever() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("cache-control")).hasValue("no-cache");

        HttpResponse<String> asset = get("/assets/app-1a2b.js");
        assertThat(asset.body()).contains("shop");
        assertThat(asset.headers().firstValue("cache-control").orElseThrow()).contains("immutable");
    }

    @Test
    void givenAPathOutOfTheFolder_thenNothingIsServed() throws Exception {
        // Raw, since HTTP clients normalise ".." away before sending.
        try (Socket socket = new Socket("127.0.0.1", edge.port())) {
            socket.getOutputStream().write("GET /%2e%2e/secret.txt HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 404").doesNotContain("not for the web");
        }
        assertThat(get("/missing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void givenAnApiPath_thenItIsTheApisNotAFile() throws Exception {
        HttpResponse<String> api = get("/v1/products");
        assertThat(api.headers().firstValue("content-type")).hasValue("application/json");
    }
}
