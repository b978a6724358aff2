package org.commercemesh.platform.grpc;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import io.smallrye.common.vertx.ContextLocals;

/**
 * Where the current call came from — its {@code x-request-id} (the edge sets one on every
 * request) and its client address — kept on the call's Vert.x context, so that code deep in a
 * reactive chain (the audit log) can still read it after the gRPC context is gone.
 */
@GlobalInterceptor
@ApplicationScoped
public class CallOrigin implements ServerInterceptor {

    /** The origin of a call; empty strings when unknown (a call from inside the mesh without a request id). */
    public record Origin(String requestId, String clientAddress) {
        static final Origin NONE = new Origin("", "");
    }

    private static final String KEY = "commerce-call-origin";
    private static final Metadata.Key<String> REQUEST_ID = Metadata.Key.of("x-request-id",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> FORWARDED_FOR = Metadata.Key.of("x-forwarded-for",
            Metadata.ASCII_STRING_MARSHALLER);

    /** The current call's origin; {@link Origin#NONE}'s empty values outside a call. */
    public static Origin current() {
        return ContextLocals.<Origin>get(KEY).orElse(Origin.NONE);
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
            ServerCallHandler<ReqT, RespT> next) {
        String requestId = headers.get(REQUEST_ID);
        Origin origin = new Origin(requestId == null || requestId.length() > 200 ? "" : requestId,
                ClientAddress.of(headers.get(FORWARDED_FOR),
                        call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
        try {
            ContextLocals.put(KEY, origin);
        } catch (UnsupportedOperationException notOnACallContext) {
            // Only a duplicated (per-call) context may hold locals; without one there is nothing to keep.
        }
        return next.startCall(call, headers);
    }
}
