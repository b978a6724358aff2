package org.commercemesh.platform.grpc;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;

/**
 * The address a call came from, for per-client limits. Behind the edge every call arrives from
 * the edge, which appends the address it saw to {@code x-forwarded-for}: the last entry is the
 * one a proxy we run wrote, earlier ones are whatever the client claimed. Without the header
 * (a direct caller inside the mesh) it is the peer's address.
 */
@GlobalInterceptor
@ApplicationScoped
public class ClientAddress implements ServerInterceptor {

    private static final Context.Key<String> KEY = Context.key("commerce-client-address");
    private static final Metadata.Key<String> FORWARDED_FOR = Metadata.Key.of("x-forwarded-for",
            Metadata.ASCII_STRING_MARSHALLER);
    private static final String UNKNOWN = "unknown";

    /** The current call's client address; read it when the call starts, while its gRPC context is current. */
    public static String current() {
        String address = KEY.get();
        return address == null ? UNKNOWN : address;
    }

    @Override
    public <ReqT, RespT> ServerCall.Listener<ReqT> interceptCall(ServerCall<ReqT, RespT> call, Metadata headers,
            ServerCallHandler<ReqT, RespT> next) {
        Context context = Context.current().withValue(KEY, of(headers.get(FORWARDED_FOR),
                call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
        return Contexts.interceptCall(context, call, headers, next);
    }

    static String of(String forwardedFor, SocketAddress peer) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            String last = forwardedFor.substring(forwardedFor.lastIndexOf(',') + 1).strip();
            if (!last.isEmpty() && last.length() <= 64) {
                return last;
            }
        }
        if (peer instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return UNKNOWN;
    }
}
