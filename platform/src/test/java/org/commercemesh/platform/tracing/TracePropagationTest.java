package org.commercemesh.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.testing.kafka.TestKafka.header;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.outbox.OutboxEvent;
import org.commercemesh.platform.outbox.OutboxWriter;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.user.v1.UserRegistered;
import org.junit.jupiter.api.Test;

import com.google.protobuf.StringValue;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

@QuarkusTest
class TracePropagationTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Inject
    OutboxWriter outbox;

    @Inject
    Spans spans;

    @Inject
    Tracer tracer;

    @Inject
    InMemorySpanExporter recorded;

    @Test
    void givenAnEventWrittenInsideATrace_whenTheRelayPublishesIt_thenTheRecordCarriesThatTrace() throws Throwable {
        Span request = tracer.spanBuilder("PlaceOrder").setSpanKind(SpanKind.SERVER).startSpan();
        String userId = Ids.newId().toString();

        OutboxEvent row = VertxContextSupport.subscribeAndAwait(() -> spans.within(Context.root().with(request),
                "checkout", () -> Panache.withTransaction(() -> outbox.append(userId,
                        UserRegistered.newBuilder().setUserId(userId).setEmail("traced@example.com").build()))));
        request.end();

        String traceId = request.getSpanContext().getTraceId();
        assertThat(row.traceparent).contains(traceId);
        try (ConsumerTask<String, byte[]> events = TestKafka.readFromStart("platform.test.events")) {
            ConsumerRecord<String, byte[]> record = TestKafka
                    .recordsUntil(events, r -> row.eventId.toString().equals(header(r, "ce_id")), EVENTUALLY).stream()
                    .filter(r -> row.eventId.toString().equals(header(r, "ce_id"))).findFirst().orElseThrow();
            String traceparent = header(record, "traceparent");
            // Same trace, and the parent is the producer span the relay's send made, not the request.
            assertThat(traceparent).startsWith("00-" + traceId + "-")
                    .doesNotContain(request.getSpanContext().getSpanId());
        }
    }

    @Test
    void givenARecordInATrace_whenAConsumerAppliesIt_thenItsWorkAndItsSqlJoinThatTrace() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e" + Ids.newId().toString().substring(0, 4);
        String eventId = Ids.newId().toString();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("platform.test.ledger", null, "ledger-traced",
                StringValue.of("credit").toByteArray(), List.of(recordHeader("ce_specversion", "1.0"),
                        recordHeader("ce_id", eventId), recordHeader("ce_type", "google.protobuf.StringValue"),
                        recordHeader("ce_source", "test"), recordHeader("content-type", "application/protobuf"),
                        recordHeader("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")));

        TestKafka.companion().produce(String.class, byte[].class).fromRecords(record).awaitCompletion();

        await().atMost(EVENTUALLY).untilAsserted(() -> {
            List<SpanData> trace = recorded.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).toList();
            SpanData applied = trace.stream().filter(span -> span.getName().equals("ledger StringValue")).findFirst()
                    .orElseThrow(() -> new AssertionError("no span of the consumer's work in " + trace));
            assertThat(trace).as("the ledger's SQL ran inside the consumer's span")
                    .anyMatch(span -> span.getKind() == SpanKind.CLIENT
                            && span.getParentSpanId().equals(applied.getSpanId()));
        });
    }

    private static RecordHeader recordHeader(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
