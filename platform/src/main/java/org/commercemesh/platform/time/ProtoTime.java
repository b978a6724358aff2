package org.commercemesh.platform.time;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.google.protobuf.Timestamp;

/**
 * {@code google.protobuf.Timestamp} ↔ {@link Instant}. Times go out in microseconds, the precision
 * PostgreSQL keeps (the reactive client truncates to it): an answer built from a freshly written
 * entity then carries the same time as every later read of it.
 */
public final class ProtoTime {

    private ProtoTime() {
    }

    public static Timestamp toProto(Instant instant) {
        Instant stored = instant.truncatedTo(ChronoUnit.MICROS);
        return Timestamp.newBuilder().setSeconds(stored.getEpochSecond()).setNanos(stored.getNano()).build();
    }

    public static Instant fromProto(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
