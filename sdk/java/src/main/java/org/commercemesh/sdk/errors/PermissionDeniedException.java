package org.commercemesh.sdk.errors;

import io.grpc.StatusRuntimeException;

/** The caller's role or scopes do not allow the call. */
public final class PermissionDeniedException extends CommerceException {

    PermissionDeniedException(StatusRuntimeException cause, com.google.rpc.Status details) {
        super(cause, details);
    }
}
