package org.commercemesh.platform.error;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.google.protobuf.Message;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GlobalInterceptor;

/**
 * Applies {@link StringGuard} to every request of every RPC before the service sees it, so no
 * endpoint can forget to, and no NUL or broken string ever reaches SQL: such a request ends
 * with INVALID_ARGUMENT naming each bad field.
 */
@GlobalInterceptor
@ApplicationScoped
public class StringGuardInterceptor implements ServerInterceptor {

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
            ServerCallHandler<ReqT, RespT> next) {
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {

            private boolean refused;

            @Override
            public void onMessage(ReqT message) {
                List<FieldViolation> violations = message instanceof Message proto
                        ? StringGuard.check(proto)
                        : List.of();
                if (violations.isEmpty()) {
                    super.onMessage(message);
                    return;
                }
                refused = true;
                StatusRuntimeException status = ErrorMapper.toStatusException(new InvalidArgumentException(violations));
                call.close(status.getStatus(), status.getTrailers() != null ? status.getTrailers() : new Metadata());
            }

            @Override
            public void onHalfClose() {
                if (!refused) {
                    super.onHalfClose();
                }
            }
        };
    }
}
