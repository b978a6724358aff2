package org.commercemesh.platform.events;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Reading a domain event's protobuf payload. The Kafka connector has already read the CloudEvent
 * (binary mode): its type names the payload's message, its data holds the bytes.
 */
public final class EventPayloads {

    private EventPayloads() {
    }

    /** Whether the event carries a message of the given protobuf type. */
    public static boolean is(IncomingCloudEventMetadata<byte[]> event, Descriptor descriptor) {
        return descriptor.getFullName().equals(event.getType());
    }

    /** The payload as {@code T}; MalformedEventException when the bytes are not one. */
    public static <T extends Message> T parse(IncomingCloudEventMetadata<byte[]> event, Parser<T> parser) {
        try {
            return parser.parseFrom(event.getData());
        } catch (InvalidProtocolBufferException e) {
            throw new MalformedEventException(
                    "event " + event.getId() + " of type " + event.getType() + " has a malformed payload", e);
        }
    }
}
