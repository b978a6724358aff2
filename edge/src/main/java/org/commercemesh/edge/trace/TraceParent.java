package org.commercemesh.edge.trace;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The W3C {@code traceparent} a request carries into the mesh: the client's when it sent a valid
 * one (its trace continues through the services), otherwise a new sampled trace started here, so
 * that every request through the front door is one trace an operator can find.
 */
public final class TraceParent {

    public static final String HEADER = "traceparent";

    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private TraceParent() {
    }

    /** {@code incoming} when it is a valid version-00 traceparent, else a new one. */
    public static String continueOrStart(String incoming) {
        if (incoming != null && VALID.matcher(incoming).matches()) {
            return incoming;
        }
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        RANDOM.nextBytes(traceId);
        RANDOM.nextBytes(spanId);
        // Eight random bytes are never all zero in practice; the spec forbids it, so make sure.
        spanId[7] |= 1;
        traceId[15] |= 1;
        return "00-" + HEX.formatHex(traceId) + "-" + HEX.formatHex(spanId) + "-01";
    }

    /** Whether {@code value} is the traceparent the edge would pass on unchanged. */
    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }
}
