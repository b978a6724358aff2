package org.commercemesh.sdk;

import org.commercemesh.sdk.errors.CommerceException;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;

/**
 * How every generated client calls the mesh: with the current token, the deadline and read
 * retries of the channel's service config, and failures as typed {@link CommerceException}s.
 * A call refused as UNAUTHENTICATED is tried once more with a renewed token.
 */
public final class UnaryCalls {

    private final Channel channel;
    private final Tokens tokens;
    private final CallOptions options;

    UnaryCalls(Channel channel, Tokens tokens) {
        this.channel = channel;
        this.tokens = tokens;
        this.options = CallOptions.DEFAULT.withCallCredentials(new BearerToken(tokens));
    }

    public <Q, R> R unary(MethodDescriptor<Q, R> method, Q request) {
        try {
            return ClientCalls.blockingUnaryCall(channel, method, options, request);
        } catch (StatusRuntimeException first) {
            if (first.getStatus().getCode() != Status.Code.UNAUTHENTICATED) {
                throw CommerceException.from(first);
            }
            tokens.rejected();
            try {
                return ClientCalls.blockingUnaryCall(channel, method, options, request);
            } catch (StatusRuntimeException second) {
                throw CommerceException.from(second);
            }
        }
    }
}
