package org.commercemesh.platform.context;

import java.util.concurrent.Executor;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The Vert.x context of the code running now, as an executor. Hibernate Reactive keeps a
 * request's session on its context, so work resumed by something shared — a Kafka
 * acknowledgement, one token exchange awaited by many requests — must hop back to the context
 * it came from before it touches the database again.
 */
public final class CallerContext {

    private CallerContext() {
    }

    /** Runs tasks on the current Vert.x context; Mutiny's default executor outside one. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        return context == null
                ? Infrastructure.getDefaultExecutor()
                : task -> context.runOnContext(ignored -> task.run());
    }
}
