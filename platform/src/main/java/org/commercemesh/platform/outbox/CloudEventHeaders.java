package org.commercemesh.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents 1.0 Kafka protocol binding, binary mode (design §7): the record value is the
 * protobuf payload, the attributes travel as {@code ce_*} headers.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String PROTOBUF = "application/protobuf";

    private CloudEventHeaders() {
    }

    static Headers of(OutboxEvent event, String source) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, event.eventId.toString());
        put(headers, TYPE, event.eventType);
        put(headers, SOURCE, source);
        put(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt));
        put(headers, SUBJECT, event.aggregateId);
        put(headers, CONTENT_TYPE, PROTOBUF);
        return headers;
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
