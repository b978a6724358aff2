package org.commercemesh.edge;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** grpc-web's wire format, written out by hand so the tests depend on no grpc-web library. */
final class GrpcWebFrames {

    record Decoded(List<byte[]> messages, Map<String, String> trailers) {
    }

    private GrpcWebFrames() {
    }

    static byte[] frame(byte[] message) {
        return ByteBuffer.allocate(5 + message.length).put((byte) 0).putInt(message.length).put(message).array();
    }

    static Decoded decode(byte[] body) {
        List<byte[]> messages = new ArrayList<>();
        Map<String, String> trailers = new LinkedHashMap<>();
        ByteBuffer in = ByteBuffer.wrap(body);
        while (in.remaining() >= 5) {
            byte flags = in.get();
            byte[] payload = new byte[in.getInt()];
            in.get(payload);
            if ((flags & 0x80) == 0) {
                messages.add(payload);
                continue;
            }
            for (String line : new String(payload, StandardCharsets.US_ASCII).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    trailers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                }
            }
        }
        return new Decoded(messages, trailers);
    }

    /** grpc-web-text may be several base64 runs back to back, each with its own padding. */
    static byte[] base64Chunks(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String run : text.trim().split("(?<==)(?=[^=])")) {
            out.writeBytes(Base64.getDecoder().decode(run));
        }
        return out.toByteArray();
    }
}
