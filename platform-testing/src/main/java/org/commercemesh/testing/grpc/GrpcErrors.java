package org.commercemesh.testing.grpc;

import java.util.List;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * Reads a failed call the way a client would: its status code and its {@code google.rpc}
 * details. Tests assert on these rather than on message text.
 */
public final class GrpcErrors {

    private GrpcErrors() {
    }

    /** The status of a failure raised by a gRPC call (a StatusRuntimeException, possibly wrapped). */
    public static Status.Code code(Throwable failure) {
        return Status.fromThrowable(failure).getCode();
    }

    /** Field names of every BadRequest violation, in the order the server listed them. */
    public static List<String> violatedFields(Throwable failure) {
        return detail(failure, BadRequest.class)
                .map(badRequest -> badRequest.getFieldViolationsList().stream()
                        .map(BadRequest.FieldViolation::getField).toList())
                .orElse(List.of());
    }

    /** The BadRequest detail, when present. */
    public static Optional<BadRequest> badRequest(Throwable failure) {
        return detail(failure, BadRequest.class);
    }

    /** The ErrorInfo reason, or empty. */
    public static Optional<String> reason(Throwable failure) {
        return detail(failure, ErrorInfo.class).map(ErrorInfo::getReason);
    }

    /** The RetryInfo detail, when present. */
    public static Optional<RetryInfo> retryInfo(Throwable failure) {
        return detail(failure, RetryInfo.class);
    }

    private static <T extends Message> Optional<T> detail(Throwable failure, Class<T> type) {
        Throwable cause = failure;
        while (cause != null && !(cause instanceof StatusRuntimeException)) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return Optional.empty();
        }
        com.google.rpc.Status status = StatusProto.fromThrowable(cause);
        if (status == null) {
            return Optional.empty();
        }
        for (Any any : status.getDetailsList()) {
            if (any.is(type)) {
                try {
                    return Optional.of(any.unpack(type));
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError("undecodable " + type.getSimpleName() + " detail", e);
                }
            }
        }
        return Optional.empty();
    }
}
