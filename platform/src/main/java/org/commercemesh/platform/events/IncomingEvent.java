package org.commercemesh.platform.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.commercemesh.platform.outbox.CloudEventHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * A domain event as a consumer receives it: CloudEvents attributes from the {@code ce_*} headers
 * and the protobuf payload.
 */
public record IncomingEvent(String id, String type, String source, String subject, byte[] payload) {

    /** Reads a Kafka message published by an outbox relay; MalformedEventException when its CloudEvents id or type is missing. */
    public static IncomingEvent from(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new MalformedEventException("not a Kafka message", null));
        Headers headers = metadata.getHeaders();
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedEventException("record at " + metadata.getTopic() + "/" + metadata.getPartition()
                    + "@" + metadata.getOffset() + " has no ce_id or ce_type header", null);
        }
        return new IncomingEvent(id, type, header(headers, CloudEventHeaders.SOURCE),
                header(headers, CloudEventHeaders.SUBJECT), message.getPayload());
    }

    /** Whether this event carries a message of the given protobuf type. */
    public boolean is(Descriptor descriptor) {
        return type.equals(descriptor.getFullName());
    }

    public <T extends com.google.protobuf.Message> T parse(Parser<T> parser) {
        try {
            return parser.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedEventException("event " + id + " of type " + type + " has a malformed payload", e);
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
