package org.commercemesh.sdk.errors;

import io.grpc.StatusRuntimeException;

/** A business rule refused the call; {@link #reason()} says which (OUT_OF_STOCK, PAYMENT_DECLINED, …). */
public final class FailedPreconditionException extends CommerceException {

    FailedPreconditionException(StatusRuntimeException cause, com.google.rpc.Status details) {
        super(cause, details);
    }
}
