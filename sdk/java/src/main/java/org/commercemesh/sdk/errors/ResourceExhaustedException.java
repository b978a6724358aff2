package org.commercemesh.sdk.errors;

import io.grpc.StatusRuntimeException;

/** Throttled; {@link #retryDelay()} says how long to wait when the mesh knows. */
public final class ResourceExhaustedException extends CommerceException {

    ResourceExhaustedException(StatusRuntimeException cause, com.google.rpc.Status details) {
        super(cause, details);
    }
}
