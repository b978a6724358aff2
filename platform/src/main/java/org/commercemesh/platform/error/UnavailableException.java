package org.commercemesh.platform.error;

import io.grpc.Status;

/**
 * UNAVAILABLE: a provider outside the mesh (an SMS gateway, a carrier) did not do what was
 * asked. Nothing was changed, and the same call may succeed later.
 */
public final class UnavailableException extends ServiceException {

    public UnavailableException(String message) {
        super(message);
    }

    @Override
    public Status.Code code() {
        return Status.Code.UNAVAILABLE;
    }
}
