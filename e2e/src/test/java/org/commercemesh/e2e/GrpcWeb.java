package org.commercemesh.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;

/**
 * A browser's client: grpc-web over HTTP/1.1 as a web page sends it (content-type
 * application/grpc-web+proto, x-grpc-web, an Origin), the frames written and read here by hand
 * so nothing of gRPC's own transport is involved.
 */
final class GrpcWeb {

    static final String ORIGIN = "http://localhost:5173";

    /** One call's answer: the status from the trailer frame (or trailers-only headers), the message if any. */
    record Reply<T>(int httpStatus, int grpcStatus, String grpcMessage, T message, HttpResponse<byte[]> raw) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI edge;
    private final String token;

    GrpcWeb(URI edge, String token) {
        this.edge = edge;
        this.token = token;
    }

    GrpcWeb as(String accessToken) {
        return new GrpcWeb(edge, accessToken);
    }

    <T extends Message> Reply<T> call(String method, Message request, Parser<T> responses) {
        byte[] payload = request.toByteArray();
        byte[] frame = ByteBuffer.allocate(5 + payload.length).put((byte) 0).putInt(payload.length).put(payload)
                .array();
        HttpRequest.Builder builder = HttpRequest.newBuilder(edge.resolve("/" + method)).timeout(Duration.ofSeconds(20))
                .header("content-type", "application/grpc-web+proto")
                .header("x-grpc-web", "1")
                .header("origin", ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(frame));
        if (token != null) {
            builder.header("authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return decode(response, responses);
        } catch (IOException e) {
            throw new IllegalStateException(method + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T extends Message> Reply<T> decode(HttpResponse<byte[]> response, Parser<T> responses)
            throws InvalidProtocolBufferException {
        Map<String, String> trailers = new LinkedHashMap<>();
        response.headers().map().forEach((name, values) -> trailers.put(name.toLowerCase(), values.get(0)));
        ByteArrayOutputStream message = null;
        ByteBuffer in = ByteBuffer.wrap(response.body());
        while (in.remaining() >= 5) {
            byte flags = in.get();
            byte[] payload = new byte[in.getInt()];
            in.get(payload);
            if ((flags & 0x80) != 0) {
                for (String line : new String(payload, StandardCharsets.US_ASCII).split("\r\n")) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        trailers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                    }
                }
            } else {
                message = new ByteArrayOutputStream();
                message.writeBytes(payload);
            }
        }
        int status = Integer.parseInt(trailers.getOrDefault("grpc-status", "2"));
        T parsed = message == null ? null : responses.parseFrom(message.toByteArray());
        return new Reply<>(response.statusCode(), status, trailers.get("grpc-message"), parsed, response);
    }
}
