package org.commercemesh.sdk;

import java.util.concurrent.Executor;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/** Puts the current token on every call; obtaining or renewing it happens off the caller's transport thread. */
final class BearerToken extends CallCredentials {

    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
            Metadata.ASCII_STRING_MARSHALLER);

    private final Tokens tokens;

    BearerToken(Tokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
        executor.execute(() -> {
            try {
                Metadata headers = new Metadata();
                String token = tokens.bearer();
                if (token != null) {
                    headers.put(AUTHORIZATION, "Bearer " + token);
                }
                applier.apply(headers);
            } catch (StatusRuntimeException e) {
                applier.fail(e.getStatus());
            } catch (RuntimeException e) {
                applier.fail(Status.UNAUTHENTICATED.withDescription("could not obtain a token: " + e.getMessage())
                        .withCause(e));
            }
        });
    }
}
