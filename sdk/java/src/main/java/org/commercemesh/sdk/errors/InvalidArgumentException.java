package org.commercemesh.sdk.errors;

import io.grpc.StatusRuntimeException;

/** The request has invalid fields; {@link #fieldViolations()} names each. */
public final class InvalidArgumentException extends CommerceException {

    InvalidArgumentException(StatusRuntimeException cause, com.google.rpc.Status details) {
        super(cause, details);
    }
}
