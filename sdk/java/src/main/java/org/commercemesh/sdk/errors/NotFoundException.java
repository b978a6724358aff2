package org.commercemesh.sdk.errors;

import io.grpc.StatusRuntimeException;

/** No such resource, or not the caller's. */
public final class NotFoundException extends CommerceException {

    NotFoundException(StatusRuntimeException cause, com.google.rpc.Status details) {
        super(cause, details);
    }
}
