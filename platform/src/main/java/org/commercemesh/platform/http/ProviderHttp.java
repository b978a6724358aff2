package org.commercemesh.platform.http;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.platform.context.CallerContext;
import org.commercemesh.platform.error.UnavailableException;

import io.smallrye.mutiny.Uni;

/**
 * HTTP calls to providers outside the mesh (SMS gateway, geocoder, carrier) with the JDK's
 * client. Its answers arrive on the client's own threads; they are handed back to the caller's
 * Vert.x context, where Hibernate Reactive's session lives, or the next database step would fail.
 * An unreachable provider is UNAVAILABLE.
 */
@ApplicationScoped
public class ProviderHttp {

    /** Connecting and waiting for an answer each give up after this. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** Sends the request; any status is an item, a transport failure is UNAVAILABLE naming {@code provider}. */
    public Uni<HttpResponse<String>> send(String provider, HttpRequest request) {
        return Uni.createFrom().deferred(() -> {
            Executor caller = CallerContext.current();
            return Uni.createFrom()
                    .completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                    .onFailure().transform(failure -> new UnavailableException(
                            provider + " could not be reached: " + failure))
                    .emitOn(caller);
        });
    }
}
