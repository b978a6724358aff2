package org.commercemesh.edge.json;

import java.util.Base64;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Status;

import io.vertx.core.json.JsonObject;

/**
 * Turns gRPC answers into what Envoy's transcoder sends JSON clients with
 * {@code convert_grpc_status}: the response message as JSON, or for an error the HTTP status
 * matching the gRPC code and a {@code google.rpc.Status} body carrying the details
 * (BadRequest field violations, ErrorInfo, RetryInfo).
 */
public final class JsonReplies {

    /** print_options from envoy.yaml. */
    public record PrintOptions(boolean alwaysPrintPrimitiveFields, boolean enumsAsInts,
            boolean preserveProtoFieldNames) {
    }

    private final JsonFormat.Printer printer;

    public JsonReplies(JsonFormat.TypeRegistry types, PrintOptions options) {
        JsonFormat.Printer printer = JsonFormat.printer().usingTypeRegistry(types).omittingInsignificantWhitespace();
        if (options.alwaysPrintPrimitiveFields()) {
            printer = printer.alwaysPrintFieldsWithNoPresence();
        }
        if (options.enumsAsInts()) {
            printer = printer.printingEnumsAsInts();
        }
        if (options.preserveProtoFieldNames()) {
            printer = printer.preservingProtoFieldNames();
        }
        this.printer = printer;
    }

    public String message(HttpBinding binding, byte[] payload) throws InvalidProtocolBufferException {
        Descriptor type = binding.method().getOutputType();
        Message message = DynamicMessage.parseFrom(type, payload);
        if (!binding.responseBody().isEmpty()) {
            FieldDescriptor field = type.findFieldByName(binding.responseBody());
            return printer.print((Message) message.getField(field));
        }
        return printer.print(message);
    }

    /** The google.rpc.Status body: the upstream's own (grpc-status-details-bin) when it sent one. */
    public String status(int code, String message, String detailsBin) {
        Status status = null;
        if (detailsBin != null && !detailsBin.isEmpty()) {
            try {
                status = Status.parseFrom(Base64.getDecoder().decode(padded(detailsBin)));
            } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
                status = null;
            }
        }
        if (status == null) {
            status = Status.newBuilder().setCode(code).setMessage(message == null ? "" : message).build();
        }
        try {
            return printer.print(status);
        } catch (InvalidProtocolBufferException e) {
            // A detail of a type the descriptor set does not know: keep code and message.
            return new JsonObject().put("code", status.getCode()).put("message", status.getMessage()).encode();
        }
    }

    /** Envoy's gRPC → HTTP status mapping (the one grpc-gateway and Google's APIs use too). */
    public static int httpStatus(int grpcCode) {
        return switch (grpcCode) {
            case 0 -> 200;
            case 1 -> 499;
            case 3, 9, 11 -> 400;
            case 4 -> 504;
            case 5 -> 404;
            case 6, 10 -> 409;
            case 7 -> 403;
            case 8 -> 429;
            case 12 -> 501;
            case 14 -> 503;
            case 16 -> 401;
            default -> 500;
        };
    }

    private static String padded(String base64) {
        int remainder = base64.length() % 4;
        return remainder == 0 ? base64 : base64 + "=".repeat(4 - remainder);
    }
}
