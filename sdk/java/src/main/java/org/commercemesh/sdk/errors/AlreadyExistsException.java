package org.commercemesh.sdk.errors;

import io.grpc.StatusRuntimeException;

/** A duplicate: an e-mail, slug, SKU or review that exists already. */
public final class AlreadyExistsException extends CommerceException {

    AlreadyExistsException(StatusRuntimeException cause, com.google.rpc.Status details) {
        super(cause, details);
    }
}
