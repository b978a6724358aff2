package org.commercemesh.user.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.concurrent.Executor;

import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import org.commercemesh.platform.context.CallerContext;
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
        // The file is written on a worker thread; the answer goes back to the caller's Vert.x
        // context, where its Hibernate Reactive session (a consumer's transaction) lives.
        return Uni.createFrom().deferred(() -> {
            Executor caller = CallerContext.current();
            return Uni.createFrom().item(() -> append(line))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                    .emitOn(caller);
        }).replaceWithVoid();
    }

    private String append(String line) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
