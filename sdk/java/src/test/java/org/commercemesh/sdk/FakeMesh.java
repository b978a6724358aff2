package org.commercemesh.sdk;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.commercemesh.catalog.v1.CreateProductRequest;
import org.commercemesh.catalog.v1.CreateProductResponse;
import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.catalog.v1.GetProductResponse;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductServiceGrpc;
import org.commercemesh.user.v1.AuthServiceGrpc;
import org.commercemesh.user.v1.IssueClientTokenRequest;
import org.commercemesh.user.v1.IssueClientTokenResponse;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.LoginResponse;
import org.commercemesh.user.v1.RefreshTokenRequest;
import org.commercemesh.user.v1.RefreshTokenResponse;
import org.commercemesh.user.v1.Session;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * A mesh stand-in on the real contracts that counts what the SDK does: token exchanges,
 * logins, refreshes, calls; it accepts only tokens it issued and has not revoked, and refuses
 * products the way catalog-svc does.
 */
final class FakeMesh {

    static final String CLIENT_ID = "partner-acme";
    static final String CLIENT_SECRET = "s3cret";

    final AtomicInteger exchanges = new AtomicInteger();
    final AtomicInteger logins = new AtomicInteger();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger unavailableLeft = new AtomicInteger();
    final ConcurrentHashMap<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    final Set<String> validRefreshTokens = ConcurrentHashMap.newKeySet();
    volatile long tokenLifetimeSeconds = 900;
    private final AtomicInteger issued = new AtomicInteger();
    private Server server;

    private static final Context.Key<String> BEARER = Context.key("bearer");

    int start() throws IOException {
        ServerInterceptor bearer = new ServerInterceptor() {
            @Override
            public <Q, R> io.grpc.ServerCall.Listener<Q> interceptCall(io.grpc.ServerCall<Q, R> call, Metadata headers,
                    io.grpc.ServerCallHandler<Q, R> next) {
                String authorization = headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
                return Contexts.interceptCall(Context.current().withValue(BEARER, authorization), call, headers, next);
            }
        };
        server = ServerBuilder.forPort(0)
                .addService(ServerInterceptors.intercept(new Auth(), bearer))
                .addService(ServerInterceptors.intercept(new Products(), bearer))
                .build().start();
        return server.getPort();
    }

    void stop() {
        server.shutdownNow();
    }

    int calls(String method) {
        return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    private String newToken(String prefix) {
        String token = prefix + issued.incrementAndGet();
        validTokens.add(token);
        return token;
    }

    private Timestamp expiry() {
        return Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond() + tokenLifetimeSeconds).build();
    }

    private Session session() {
        String refresh = "refresh-" + issued.incrementAndGet();
        validRefreshTokens.add(refresh);
        return Session.newBuilder().setAccessToken(newToken("user-")).setAccessTokenExpireTime(expiry())
                .setRefreshToken(refresh).build();
    }

    private final class Auth extends AuthServiceGrpc.AuthServiceImplBase {
        @Override
        public void issueClientToken(IssueClientTokenRequest request,
                StreamObserver<IssueClientTokenResponse> response) {
            exchanges.incrementAndGet();
            if (!request.getClientId().equals(CLIENT_ID) || !request.getClientSecret().equals(CLIENT_SECRET)) {
                response.onError(
                        Status.UNAUTHENTICATED.withDescription("invalid client credentials").asRuntimeException());
                return;
            }
            response.onNext(IssueClientTokenResponse.newBuilder().setAccessToken(newToken("client-"))
                    .setExpireTime(expiry()).build());
            response.onCompleted();
        }

        @Override
        public void login(LoginRequest request, StreamObserver<LoginResponse> response) {
            logins.incrementAndGet();
            response.onNext(LoginResponse.newBuilder().setSession(session()).build());
            response.onCompleted();
        }

        @Override
        public void refreshToken(RefreshTokenRequest request, StreamObserver<RefreshTokenResponse> response) {
            refreshes.incrementAndGet();
            if (!validRefreshTokens.remove(request.getRefreshToken())) {
                response.onError(
                        Status.UNAUTHENTICATED.withDescription("refresh token is not valid").asRuntimeException());
                return;
            }
            response.onNext(RefreshTokenResponse.newBuilder().setSession(session()).build());
            response.onCompleted();
        }
    }

    private final class Products extends ProductServiceGrpc.ProductServiceImplBase {
        @Override
        public void getProduct(GetProductRequest request, StreamObserver<GetProductResponse> response) {
            calls.computeIfAbsent("GetProduct", m -> new AtomicInteger()).incrementAndGet();
            if (!authorized(response)) {
                return;
            }
            if (unavailableLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                response.onError(Status.UNAVAILABLE.withDescription("restarting").asRuntimeException());
                return;
            }
            if (request.getProductId().isEmpty()) {
                response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                        .setCode(Code.INVALID_ARGUMENT_VALUE).setMessage("1 invalid field: product_id")
                        .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation
                                .newBuilder().setField("product_id").setDescription("is required")).build()))
                        .build()));
                return;
            }
            response.onNext(
                    GetProductResponse.newBuilder().setProduct(Product.newBuilder().setId(request.getProductId())
                            .setName(BEARER.get())).build());
            response.onCompleted();
        }

        @Override
        public void createProduct(CreateProductRequest request, StreamObserver<CreateProductResponse> response) {
            calls.computeIfAbsent("CreateProduct", m -> new AtomicInteger()).incrementAndGet();
            if (!authorized(response)) {
                return;
            }
            if (unavailableLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                response.onError(Status.UNAVAILABLE.withDescription("restarting").asRuntimeException());
                return;
            }
            response.onError(StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                    .setCode(Code.FAILED_PRECONDITION_VALUE).setMessage("the category is archived")
                    .addDetails(
                            Any.pack(ErrorInfo.newBuilder().setReason("CATEGORY_ARCHIVED").setDomain("commercemesh.org")
                                    .putMetadata("category_id", "c-1").build()))
                    .build()));
        }

        private boolean authorized(StreamObserver<?> response) {
            String bearer = BEARER.get();
            if (bearer == null || !validTokens.contains(bearer.substring("Bearer ".length()))) {
                response.onError(Status.UNAUTHENTICATED.withDescription("a valid access token is required")
                        .asRuntimeException());
                return false;
            }
            return true;
        }
    }
}
