package org.commercemesh.platform.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void givenANewId_thenItIsAVersion7Rfc9562Uuid() {
        UUID id = Ids.newId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void givenIdsFromLaterMilliseconds_thenTheySortLater() {
        UUID earlier = Ids.newId(Clock.fixed(Instant.parse("2026-11-25T10:00:00.001Z"), ZoneOffset.UTC));
        UUID later = Ids.newId(Clock.fixed(Instant.parse("2026-11-25T10:00:00.002Z"), ZoneOffset.UTC));

        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(earlier.getMostSignificantBits() >>> 16)
                .isEqualTo(Instant.parse("2026-11-25T10:00:00.001Z").toEpochMilli());
    }

    @Test
    void givenManyIdsInOneMillisecond_thenNoneCollide() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(Ids.newId(frozen));
        }

        assertThat(ids).hasSize(100_000);
    }

    @Test
    void givenClientInput_whenParsed_thenOnlyCanonicalUuidsAreAccepted() {
        assertThat(Ids.parseOrNull("0192f7a0-1b2c-7d3e-8f40-123456789abc")).isNotNull();
        assertThat(Ids.parseOrNull("1-2-3-4-5")).isNull();
        assertThat(Ids.parseOrNull("")).isNull();
        assertThat(Ids.parseOrNull(null)).isNull();
    }
}
