package org.commercemesh.platform.error;

import java.util.Map;

import io.grpc.Status;

/**
 * A business rule refuses the request as things stand (out of stock, payment declined, empty
 * cart, bad status transition): FAILED_PRECONDITION with an ErrorInfo whose {@code reason} is a
 * stable UPPER_SNAKE_CASE code clients may branch on, and optional metadata.
 */
public final class FailedPreconditionException extends ServiceException {

    private final String reason;
    private final Map<String, String> metadata;

    public FailedPreconditionException(String reason, String message) {
        this(reason, message, Map.of());
    }

    public FailedPreconditionException(String reason, String message, Map<String, String> metadata) {
        super(message);
        if (!reason.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("reason must be UPPER_SNAKE_CASE: " + reason);
        }
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
    }

    public String reason() {
        return reason;
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    @Override
    public Status.Code code() {
        return Status.Code.FAILED_PRECONDITION;
    }
}
