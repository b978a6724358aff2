package org.commercemesh.edge.grpc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** grpc-message is percent-encoded on the wire (and Vert.x only decodes it from headers). */
public final class StatusMessages {

    private StatusMessages() {
    }

    public static String decode(String wire) {
        if (wire == null) {
            return null;
        }
        return URLDecoder.decode(wire.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
