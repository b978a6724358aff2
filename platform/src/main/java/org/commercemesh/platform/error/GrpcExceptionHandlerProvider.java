package org.commercemesh.platform.error;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;

/**
 * Installs {@link ErrorMapper} in every gRPC service of the application: failed {@code Uni}s go
 * through {@link #transform}, exceptions thrown while a call is handled through the handler.
 */
@ApplicationScoped
public class GrpcExceptionHandlerProvider implements ExceptionHandlerProvider {

    @Override
    public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(
            ServerCall.Listener<ReqT> listener, ServerCall<ReqT, RespT> call, Metadata metadata) {
        return new MappingExceptionHandler<>(listener, call, metadata);
    }

    @Override
    public Throwable transform(Throwable failure) {
        return ErrorMapper.toStatusException(failure);
    }

    private static final class MappingExceptionHandler<ReqT, RespT> extends ExceptionHandler<ReqT, RespT> {

        MappingExceptionHandler(ServerCall.Listener<ReqT> listener, ServerCall<ReqT, RespT> call, Metadata metadata) {
            super(listener, call, metadata);
        }

        @Override
        protected void handleException(Throwable failure, ServerCall<ReqT, RespT> call, Metadata metadata) {
            StatusRuntimeException status = ErrorMapper.toStatusException(failure);
            Metadata trailers = status.getTrailers() != null ? status.getTrailers() : new Metadata();
            call.close(status.getStatus(), trailers);
        }
    }
}
