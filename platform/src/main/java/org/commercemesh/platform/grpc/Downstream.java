package org.commercemesh.platform.grpc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;
import io.smallrye.mutiny.Uni;

/**
 * Calls from one service to another (design §6): every call carries a deadline and the
 * caller's access token; idempotent calls are retried on UNAVAILABLE within that deadline; a
 * downstream that stays down or is slow surfaces as UNAVAILABLE or DEADLINE_EXCEEDED naming
 * the service, never as INTERNAL.
 */
public final class Downstream {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private Downstream() {
    }

    /** The stub with {@code deadline} and {@code authorization: Bearer <accessToken>} on its next call. */
    public static <S extends AbstractStub<S>> S as(S stub, String accessToken, Duration deadline) {
        Metadata headers = new Metadata();
        headers.put(AUTHORIZATION, "Bearer " + accessToken);
        return stub.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    /**
     * An idempotent call (a read, or a write the callee de-duplicates): retried twice with a short
     * back-off when the callee is UNAVAILABLE — a restarting replica, a dropped connection —
     * all within the deadline already on the stub, then explained. {@code call} must be lazy
     * (Mutiny stub calls are: each subscription sends the request again).
     */
    public static <T> Uni<T> idempotent(Uni<T> call, String service, Duration deadline) {
        return call.onFailure(failure -> Status.fromThrowable(failure).getCode() == Status.Code.UNAVAILABLE)
                .retry().withBackOff(Duration.ofMillis(50), Duration.ofMillis(200)).atMost(2)
                .onFailure().transform(failure -> explain(failure, service, deadline));
    }

    /** Rewrites transport failures of a call to {@code service} into statuses a client can act on. */
    public static Throwable explain(Throwable failure, String service, Duration deadline) {
        Status status = Status.fromThrowable(failure);
        return switch (status.getCode()) {
            case DEADLINE_EXCEEDED -> new StatusRuntimeException(Status.DEADLINE_EXCEEDED.withDescription(
                    service + " did not answer within " + deadline.toMillis() + " ms; nothing was changed"));
            case UNAVAILABLE -> new StatusRuntimeException(Status.UNAVAILABLE.withDescription(
                    service + " is unavailable; nothing was changed, try again"));
            default -> failure;
        };
    }
}
