package org.commercemesh.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.commercemesh.testing.auth.ServiceTokenIssuer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

@QuarkusTest
class ServiceTokenTest {

    @Inject
    ServiceToken serviceToken;

    @Inject
    Vertx vertx;

    // Hibernate Reactive keeps a request's session on its Vert.x context: a caller resumed on
    // another request's context would share that request's session.
    @Test
    void givenManyCallersAtOnceOnTheirOwnContexts_thenOneExchangeServesThemAllAndEachResumesOnItsOwnContext() {
        int exchangesBefore = ServiceTokenIssuer.exchanges();
        // Each gRPC request runs on a duplicated context of its own; so do these callers.
        List<Context> contexts = IntStream.range(0, 8)
                .mapToObj(i -> VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext())).toList();

        List<CompletableFuture<Boolean>> resumedAtHome = contexts.stream().map(context -> {
            CompletableFuture<Boolean> resumed = new CompletableFuture<>();
            context.runOnContext(ignored -> serviceToken.get()
                    .map(token -> !token.isEmpty() && Vertx.currentContext() == context)
                    .subscribe().with(resumed::complete, resumed::completeExceptionally));
            return resumed;
        }).toList();

        assertThat(resumedAtHome.stream().map(CompletableFuture::join).toList()).containsOnly(true);
        assertThat(ServiceTokenIssuer.exchanges() - exchangesBefore).isEqualTo(1);
    }
}
