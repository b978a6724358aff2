package org.commercemesh.sdk.errors;

import io.grpc.StatusRuntimeException;

/** The mesh could not answer in time or at all; reads were already retried. */
public final class UnavailableException extends CommerceException {

    UnavailableException(StatusRuntimeException cause, com.google.rpc.Status details) {
        super(cause, details);
    }
}
