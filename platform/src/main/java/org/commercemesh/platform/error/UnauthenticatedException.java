package org.commercemesh.platform.error;

import io.grpc.Status;

/** UNAUTHENTICATED: no credentials, or credentials that do not prove who the caller is. */
public final class UnauthenticatedException extends ServiceException {

    public UnauthenticatedException(String message) {
        super(message);
    }

    @Override
    public Status.Code code() {
        return Status.Code.UNAUTHENTICATED;
    }
}
