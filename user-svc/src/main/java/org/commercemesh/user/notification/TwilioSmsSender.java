package org.commercemesh.user.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.commercemesh.platform.error.UnavailableException;
import org.commercemesh.platform.http.ProviderHttp;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Twilio's Programmable Messaging API: {@code POST /2010-04-01/Accounts/{sid}/Messages.json},
 * form-encoded {@code To}, {@code From}, {@code Body}, HTTP basic auth with the account SID and
 * auth token; 201 with the message's {@code sid} when accepted, an error object
 * ({@code code}, {@code message}) otherwise. Any Twilio-compatible gateway works by its base URL.
 */
@Singleton
@Typed(TwilioSmsSender.class)
public class TwilioSmsSender implements SmsSender {

    private final ProviderHttp http;
    private final URI messages;
    private final String authorization;
    private final String from;

    /** The credentials are optional here so that a shop on another gateway need not set them. */
    public TwilioSmsSender(ProviderHttp http, @ConfigProperty(name = "commerce.sms.twilio.base-url") String baseUrl,
            @ConfigProperty(name = "commerce.sms.twilio.account-sid") Optional<String> accountSid,
            @ConfigProperty(name = "commerce.sms.twilio.auth-token") Optional<String> authToken,
            @ConfigProperty(name = "commerce.sms.twilio.from") Optional<String> from) {
        if (accountSid.isEmpty() || authToken.isEmpty() || from.isEmpty()) {
            throw new IllegalStateException("the twilio SMS provider needs COMMERCE_SMS_TWILIO_ACCOUNT_SID, "
                    + "COMMERCE_SMS_TWILIO_AUTH_TOKEN and COMMERCE_SMS_TWILIO_FROM");
        }
        this.http = http;
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.messages = URI.create(base + "/2010-04-01/Accounts/"
                + URLEncoder.encode(accountSid.get(), StandardCharsets.UTF_8) + "/Messages.json");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((accountSid.get() + ":" + authToken.get()).getBytes(StandardCharsets.UTF_8));
        this.from = from.get();
    }

    @Override
    public Uni<Void> send(String to, String body) {
        HttpRequest request = HttpRequest.newBuilder(messages).timeout(ProviderHttp.TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("To", to, "From", from, "Body", body))))
                .build();
        return http.send("the SMS gateway", request)
                .invoke(response -> {
                    if (response.statusCode() / 100 != 2) {
                        throw new UnavailableException("the SMS gateway refused the message: HTTP "
                                + response.statusCode() + " " + describe(response.body()));
                    }
                })
                .replaceWithVoid();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String describe(String body) {
        try {
            JsonObject error = new JsonObject(body);
            return error.getValue("code") + " " + error.getString("message", "");
        } catch (RuntimeException notJson) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }
}
