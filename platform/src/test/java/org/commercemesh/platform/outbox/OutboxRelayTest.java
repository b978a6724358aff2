package org.commercemesh.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.testing.kafka.TestKafka.header;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.user.v1.UserRegistered;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

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

        try (ConsumerTask<String, byte[]> events = TestKafka.readFromStart(TOPIC)) {
            ConsumerRecord<String, byte[]> record = find(events, row.eventId.toString());
            // Exactly these headers, so the wire format stays what consumers outside the mesh read:
            // CloudEvents binary mode and the W3C trace context (design §7).
            assertThat(record.headers().toArray()).extracting(Header::key).containsExactlyInAnyOrder(
                    "ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "content-type",
                    "traceparent");
            assertThat(header(record, "ce_id")).isEqualTo(row.eventId.toString());
            assertThat(header(record, "content-type")).isEqualTo("application/protobuf");
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
                () -> Panache
                        .withTransaction(() -> outbox.append(userId, registered(userId, "committed@example.com"))));

        assertThat(failure).hasMessage("change refused");
        try (ConsumerTask<String, byte[]> events = TestKafka.readFromStart(TOPIC)) {
            find(events, committed.eventId.toString());
            // Anything written before the committed event of the same aggregate has been read by now.
            assertThat(events.getRecords()).extracting(r -> header(r, "ce_id"))
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

    private static ConsumerRecord<String, byte[]> find(ConsumerTask<String, byte[]> events, String eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> events.stream().anyMatch(r -> eventId.equals(header(r, "ce_id"))));
        return events.stream().filter(r -> eventId.equals(header(r, "ce_id"))).findFirst().orElseThrow();
    }
}
