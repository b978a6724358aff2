package org.commercemesh.platform.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Application-made ids: UUIDv7 (RFC 9562), a 48-bit Unix-millisecond timestamp followed by
 * random bits, so ids sort by creation time and B-tree inserts stay at the right edge.
 *
 * <p>Within one millisecond ids are not guaranteed to sort in creation order; nothing relies on
 * that, ordering by time uses timestamps.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        return newId(Clock.systemUTC());
    }

    static UUID newId(Clock clock) {
        long millis = clock.millis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long high = (millis & 0xFFFF_FFFF_FFFFL) << 16
                | 0x7000L
                | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        long low = 0x8000_0000_0000_0000L | ((random[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) {
            low |= (random[i] & 0xFFL) << (8 * (9 - i));
        }
        return new UUID(high, low);
    }

    /**
     * Parses a client-supplied id; null when it is not a UUID, so callers can report a field
     * violation instead of failing.
     */
    public static UUID parseOrNull(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
