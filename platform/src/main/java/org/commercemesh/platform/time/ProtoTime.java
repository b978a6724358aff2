package org.commercemesh.platform.time;

import java.time.Instant;

import com.google.protobuf.Timestamp;

/** {@code google.protobuf.Timestamp} ↔ {@link Instant}. */
public final class ProtoTime {

    private ProtoTime() {
    }

    public static Timestamp toProto(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    public static Instant fromProto(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
