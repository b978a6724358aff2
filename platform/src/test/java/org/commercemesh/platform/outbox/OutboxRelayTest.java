package org.commercemesh.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.testing.kafka.TestConsumer;
import org.commercemesh.user.v1.UserRegistered;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

@QuarkusTest
class OutboxRelayTest {

    private static final String TOPIC = "platform.test.events";

    @Inject
    OutboxWriter outbox;

    @Test
    void givenAnEventWrittenInACommittedTransaction_thenItReachesKafkaWithCloudEventsHeaders() throws Throwable {
        String userId = Ids.newId().toString();
        UserRegistered event = UserRegistered.newBuilder().setUserId(userId).setEmail("ann@example.com").build();

        OutboxEvent row = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> outbox.append(userId, event)));

        try (TestConsumer consumer = TestConsumer.of(TOPIC)) {
            ConsumerRecord<String, byte[]> record = find(consumer, row.eventId.toString());
            assertThat(record.key()).isEqualTo(userId);
            assertThat(UserRegistered.parseFrom(record.value())).isEqualTo(event);
            assertThat(header(record, "ce_type")).isEqualTo("commerce.user.v1.UserRegistered");
            assertThat(header(record, "ce_source")).isEqualTo("platform-test");
            assertThat(header(record, "ce_subject")).isEqualTo(userId);
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(row.occurredAt);
        }
    }

    @Test
    void givenAnEventWrittenInARolledBackTransaction_thenItNeverReachesKafka() throws Throwable {
        String userId = Ids.newId().toString();
        AtomicReference<OutboxEvent> rolledBack = new AtomicReference<>();

        Throwable failure = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> outbox.append(userId, registered(userId, "rolled-back@example.com"))
                        .invoke(rolledBack::set)
                        .chain(written -> Uni.createFrom().failure(new IllegalStateException("change refused"))))));
        // A later event of the same aggregate lands on the same partition after anything written before it.
        OutboxEvent committed = VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> outbox.append(userId, registered(userId, "committed@example.com"))));

        assertThat(failure).hasMessage("change refused");
        try (TestConsumer consumer = TestConsumer.of(TOPIC)) {
            find(consumer, committed.eventId.toString());
            List<ConsumerRecord<String, byte[]>> seen = consumer.pollUntil(r -> false, Duration.ofMillis(500));
            assertThat(seen).extracting(r -> header(r, "ce_id"))
                    .contains(committed.eventId.toString())
                    .doesNotContain(rolledBack.get().eventId.toString());
        }
    }

    @Test
    void givenNoTransaction_whenAnEventIsAppended_thenItIsRefused() {
        String userId = Ids.newId().toString();

        Throwable failure = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withSession(() -> outbox.append(userId, registered(userId, "x@example.com")))));

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
    }

    private static UserRegistered registered(String userId, String email) {
        return UserRegistered.newBuilder().setUserId(userId).setEmail(email).build();
    }

    private static ConsumerRecord<String, byte[]> find(TestConsumer consumer, String eventId) {
        return consumer.pollUntil(r -> eventId.equals(header(r, "ce_id")), Duration.ofSeconds(30)).stream()
                .filter(r -> eventId.equals(header(r, "ce_id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " never reached Kafka"));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
