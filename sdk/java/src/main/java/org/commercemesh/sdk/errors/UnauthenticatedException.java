package org.commercemesh.sdk.errors;

import io.grpc.StatusRuntimeException;

/** No valid credentials. */
public final class UnauthenticatedException extends CommerceException {

    UnauthenticatedException(StatusRuntimeException cause, com.google.rpc.Status details) {
        super(cause, details);
    }
}
