package org.commercemesh.user.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class SinkSmsSenderTest {

    @Inject
    SinkSmsSender sink;

    @ConfigProperty(name = "commerce.sms.sink-file")
    Path file;

    @Test
    void givenTheDevelopmentSink_whenATextIsWrittenInsideATransaction_thenTheTransactionGoesOnAndTheLineIsThere()
            throws Throwable {
        String body = "Order ORD-" + UUID.randomUUID() + " is confirmed.";

        Long afterwards = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> sink
                .send("+66812345678", body)
                .chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery("select count(*) from app_user", Long.class)
                        .getSingleResult())));

        assertThat(afterwards).isNotNegative();
        assertThat(Files.readAllLines(file)).anySatisfy(line -> assertThat(line).contains(body)
                .contains("\"to\":\"+66812345678\""));
    }
}
