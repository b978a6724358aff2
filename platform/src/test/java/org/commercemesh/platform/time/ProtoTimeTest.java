package org.commercemesh.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Timestamp;

class ProtoTimeTest {

    @Test
    void givenAnInstantWithNanoseconds_whenSent_thenItCarriesTheMicrosecondsPostgreSqlKeeps() {
        Timestamp sent = ProtoTime.toProto(Instant.parse("2026-11-26T10:00:00.123456789Z"));

        assertThat(sent.getNanos()).isEqualTo(123_456_000);
        assertThat(ProtoTime.fromProto(sent)).isEqualTo(Instant.parse("2026-11-26T10:00:00.123456Z"));
    }

    @Test
    void givenAnInstantBeforeTheEpoch_whenSent_thenItIsTruncatedTowardsTheEarlierMicrosecond() {
        Instant before = Instant.parse("1969-12-31T23:59:59.999999999Z");

        assertThat(ProtoTime.fromProto(ProtoTime.toProto(before)))
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    }
}
