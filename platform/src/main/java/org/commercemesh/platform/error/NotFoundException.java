package org.commercemesh.platform.error;

import io.grpc.Status;

/**
 * NOT_FOUND. Also the answer for another user's resource, so that its existence is never
 * revealed: the message names only what the caller asked for.
 */
public final class NotFoundException extends ServiceException {

    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " not found");
    }

    @Override
    public Status.Code code() {
        return Status.Code.NOT_FOUND;
    }
}
