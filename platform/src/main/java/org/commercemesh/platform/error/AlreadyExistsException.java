package org.commercemesh.platform.error;

import io.grpc.Status;

/** ALREADY_EXISTS: a duplicate of something unique (e-mail, slug, SKU, review). */
public final class AlreadyExistsException extends ServiceException {

    public AlreadyExistsException(String message) {
        super(message);
    }

    @Override
    public Status.Code code() {
        return Status.Code.ALREADY_EXISTS;
    }
}
