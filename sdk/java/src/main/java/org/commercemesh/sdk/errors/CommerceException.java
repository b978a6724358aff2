package org.commercemesh.sdk.errors;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/**
 * An RPC the mesh refused, with what it said about why: the gRPC status, the
 * {@code google.rpc.ErrorInfo} reason (a stable name such as {@code OUT_OF_STOCK} or
 * {@code PAYMENT_DECLINED}), the {@code BadRequest} field violations and the
 * {@code RetryInfo} delay. Catch a subclass for the case at hand.
 */
public class CommerceException extends RuntimeException {

    /** One invalid field of the request and what is wrong with it. */
    public record FieldViolation(String field, String description) {
    }

    private final Status.Code code;
    private final ErrorInfo errorInfo;
    private final List<FieldViolation> fieldViolations;
    private final Duration retryDelay;

    protected CommerceException(StatusRuntimeException cause, com.google.rpc.Status details) {
        super(cause.getStatus().getCode() + ": " + cause.getStatus().getDescription(), cause);
        this.code = cause.getStatus().getCode();
        this.errorInfo = unpack(details, ErrorInfo.class);
        BadRequest badRequest = unpack(details, BadRequest.class);
        this.fieldViolations = badRequest == null
                ? List.of()
                : badRequest.getFieldViolationsList().stream()
                        .map(v -> new FieldViolation(v.getField(), v.getDescription())).toList();
        RetryInfo retryInfo = unpack(details, RetryInfo.class);
        this.retryDelay = retryInfo == null
                ? null
                : Duration.ofSeconds(retryInfo.getRetryDelay().getSeconds(), retryInfo.getRetryDelay().getNanos());
    }

    /** The typed exception for a failed call. */
    public static CommerceException from(StatusRuntimeException failure) {
        com.google.rpc.Status details = StatusProto.fromThrowable(failure);
        return switch (failure.getStatus().getCode()) {
            case INVALID_ARGUMENT -> new InvalidArgumentException(failure, details);
            case NOT_FOUND -> new NotFoundException(failure, details);
            case ALREADY_EXISTS -> new AlreadyExistsException(failure, details);
            case FAILED_PRECONDITION -> new FailedPreconditionException(failure, details);
            case UNAUTHENTICATED -> new UnauthenticatedException(failure, details);
            case PERMISSION_DENIED -> new PermissionDeniedException(failure, details);
            case RESOURCE_EXHAUSTED -> new ResourceExhaustedException(failure, details);
            case UNAVAILABLE, DEADLINE_EXCEEDED -> new UnavailableException(failure, details);
            default -> new CommerceException(failure, details);
        };
    }

    public Status.Code code() {
        return code;
    }

    /** ErrorInfo's reason, e.g. OUT_OF_STOCK; empty when the mesh gave none. */
    public Optional<String> reason() {
        return Optional.ofNullable(errorInfo).map(ErrorInfo::getReason);
    }

    /** ErrorInfo's metadata, e.g. the product that ran out. */
    public Map<String, String> metadata() {
        return errorInfo == null ? Map.of() : errorInfo.getMetadataMap();
    }

    /** Every invalid field, for INVALID_ARGUMENT. */
    public List<FieldViolation> fieldViolations() {
        return fieldViolations;
    }

    /** How long the mesh asks to wait before trying again (throttled logins, for one). */
    public Optional<Duration> retryDelay() {
        return Optional.ofNullable(retryDelay);
    }

    private static <T extends com.google.protobuf.Message> T unpack(com.google.rpc.Status details, Class<T> type) {
        if (details == null) {
            return null;
        }
        for (Any detail : details.getDetailsList()) {
            if (detail.is(type)) {
                try {
                    return detail.unpack(type);
                } catch (InvalidProtocolBufferException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
