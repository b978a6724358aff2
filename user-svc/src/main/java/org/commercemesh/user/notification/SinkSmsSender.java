package org.commercemesh.user.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;

/**
 * Development's SMS gateway: each message is a JSON line in a file ({@code dev/mesh sms} shows
 * them) and goes nowhere else.
 */
@Singleton
@Typed(SinkSmsSender.class)
public class SinkSmsSender implements SmsSender {

    private final Path file;

    public SinkSmsSender(@ConfigProperty(name = "commerce.sms.sink-file") Path file) {
        this.file = file;
    }

    @Override
    public Uni<Void> send(String to, String body) {
        String line = new JsonObject().put("time", Instant.now().toString()).put("to", to).put("body", body)
                .encode() + "\n";
        return Uni.createFrom().item(() -> {
            try {
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).replaceWithVoid();
    }
}
