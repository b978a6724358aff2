package org.commercemesh.sdk;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.commercemesh.user.v1.AuthServiceGrpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;

/**
 * The mesh for a program: one client per external service ({@link #productService()},
 * {@link #orderService()}, …), over one channel, acting as the given credentials.
 *
 * <pre>{@code
 * try (CommerceClient mesh = CommerceClient.builder("api.shop.example:443")
 *         .credentials(Credentials.clientCredentials(clientId, clientSecret))
 *         .build()) {
 *     mesh.orderService().listOrders(ListOrdersRequest.newBuilder().setStatus(ORDER_STATUS_CONFIRMED).build());
 * }
 * }</pre>
 */
public final class CommerceClient extends GeneratedClients implements AutoCloseable {

    private final ManagedChannel channel;
    private final Tokens tokens;

    private CommerceClient(ManagedChannel channel, Tokens tokens) {
        super(new UnaryCalls(channel, tokens));
        this.channel = channel;
        this.tokens = tokens;
    }

    /** A client of the mesh at {@code target} ({@code host:port}, the edge or Envoy). */
    public static Builder builder(String target) {
        return new Builder(target);
    }

    /** The token calls carry now (obtained if there is none yet); null for anonymous credentials. */
    public String accessToken() {
        return tokens.bearer();
    }

    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    public static final class Builder {
        private final String target;
        private boolean plaintext;
        private Credentials credentials = Credentials.none();
        private Duration readDeadline = Duration.ofSeconds(5);
        private Duration writeDeadline = Duration.ofSeconds(15);
        private Duration refreshAhead = Duration.ofMinutes(1);
        private Clock clock = Clock.systemUTC();

        private Builder(String target) {
            this.target = Objects.requireNonNull(target, "target");
        }

        /** Without TLS, for a local mesh (the edge on 127.0.0.1:8080); TLS is the default. */
        public Builder plaintext() {
            this.plaintext = true;
            return this;
        }

        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Deadlines for reads (5 s) and writes (15 s), retries aside. */
        public Builder deadlines(Duration reads, Duration writes) {
            this.readDeadline = reads;
            this.writeDeadline = writes;
            return this;
        }

        /** How long before its expiry a token is renewed (a minute). */
        public Builder refreshAhead(Duration refreshAhead) {
            this.refreshAhead = refreshAhead;
            return this;
        }

        Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public CommerceClient build() {
            ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget(target)
                    .defaultServiceConfig(ServiceConfig.of(METHODS, readDeadline, writeDeadline))
                    .enableRetry();
            if (plaintext) {
                builder.usePlaintext();
            } else {
                builder.useTransportSecurity();
            }
            ManagedChannel channel = builder.build();
            return new CommerceClient(channel,
                    new Tokens(credentials, AuthServiceGrpc.newBlockingStub(channel), refreshAhead, clock));
        }
    }
}
