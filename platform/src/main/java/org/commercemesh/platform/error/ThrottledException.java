package org.commercemesh.platform.error;

import java.time.Duration;

import io.grpc.Status;

/** RESOURCE_EXHAUSTED with a RetryInfo telling the client when trying again can succeed. */
public final class ThrottledException extends ServiceException {

    private final Duration retryAfter;

    public ThrottledException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public Status.Code code() {
        return Status.Code.RESOURCE_EXHAUSTED;
    }
}
