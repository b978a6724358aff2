package org.commercemesh.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.commercemesh.catalog.v1.GetProductRequest;
import org.commercemesh.catalog.v1.Product;
import org.commercemesh.catalog.v1.ProductServiceGrpc;
import org.junit.jupiter.api.Test;

import io.grpc.ManagedChannel;

class LoadGeneratorTest {

    @Test
    void givenAnEchoServer_whenDrivenInAClosedLoop_thenEveryAnsweredCallIsRecorded() throws Exception {
        try (EchoServer echo = EchoServer.start(Product.newBuilder().setId("p").setName("Echo").build())) {
            ManagedChannel channel = Mesh.channel(echo.address());
            ProductServiceGrpc.ProductServiceFutureStub stub = ProductServiceGrpc.newFutureStub(channel);
            AtomicInteger started = new AtomicInteger();

            Outcome outcome = LoadGenerator.run("echo",
                    LoadProfile.closedLoop(4, Duration.ofMillis(200), Duration.ofSeconds(1)),
                    () -> {
                        started.incrementAndGet();
                        return Calls.of(stub.getProduct(GetProductRequest.newBuilder().setProductId("p").build()));
                    });

            assertThat(outcome.calls()).isPositive().isLessThanOrEqualTo(started.get());
            assertThat(outcome.errors()).isZero();
            assertThat(outcome.latency().getTotalCount()).isEqualTo(outcome.calls());
            assertThat(outcome.millis(99)).isGreaterThanOrEqualTo(outcome.millis(50));
            channel.shutdownNow();
        }
    }

    @Test
    void givenAFixedRate_thenNoMoreCallsStartThanScheduledAndFailuresCountAsErrors() throws Exception {
        AtomicInteger started = new AtomicInteger();

        Outcome outcome = LoadGenerator.run("failing", new LoadProfile(8, Duration.ZERO, Duration.ofSeconds(1), 50),
                () -> {
                    started.incrementAndGet();
                    return started.get() % 2 == 0
                            ? CompletableFuture.failedFuture(new IllegalStateException("refused"))
                            : CompletableFuture.completedFuture("ok");
                });

        assertThat(started.get()).isBetween(1, 51);
        assertThat(outcome.errors()).isEqualTo(started.get() / 2);
        assertThat(outcome.calls()).isEqualTo(started.get() - started.get() / 2);
    }

    @Test
    void givenACallThatReportsItsOwnLatency_thenThatIsWhatIsRecorded() throws Exception {
        Outcome outcome = LoadGenerator.run("measured",
                LoadProfile.closedLoop(1, Duration.ZERO, Duration.ofMillis(200)),
                () -> CompletableFuture.completedFuture(new Latency(Duration.ofMillis(42).toNanos())));

        assertThat(outcome.millis(50)).isBetween(41.9, 42.1);
    }
}
