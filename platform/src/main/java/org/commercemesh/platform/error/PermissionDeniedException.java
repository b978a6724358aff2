package org.commercemesh.platform.error;

import io.grpc.Status;

/** PERMISSION_DENIED: the caller is known but their role does not allow this. */
public final class PermissionDeniedException extends ServiceException {

    public PermissionDeniedException(String message) {
        super(message);
    }

    @Override
    public Status.Code code() {
        return Status.Code.PERMISSION_DENIED;
    }
}
