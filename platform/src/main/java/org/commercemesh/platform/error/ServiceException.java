package org.commercemesh.platform.error;

import io.grpc.Status;

/**
 * A failure the caller caused or must handle, with the gRPC status it maps to. Services throw
 * (or fail a {@code Uni} with) one of the subclasses; {@link ErrorMapper} turns it into the
 * status and {@code google.rpc} details the client sees.
 */
public abstract class ServiceException extends RuntimeException {

    protected ServiceException(String message) {
        super(message, null, false, false);
    }

    public abstract Status.Code code();
}
