package org.commercemesh.platform.tracing;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * Runs reactive work inside a span of its own. The span's context is current from subscription
 * to termination — on Quarkus the OpenTelemetry context lives in the Vert.x context the work
 * runs on — so the SQL statements and gRPC calls the work makes become its children.
 */
@ApplicationScoped
public class Spans {

    private final Tracer tracer;

    public Spans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** {@code work} in a span named {@code name}, child of {@code parent} (the current context when null). */
    public <T> Uni<T> within(Context parent, String name, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> {
            Context base = parent != null ? parent : Context.current();
            Span span = tracer.spanBuilder(name).setParent(base).startSpan();
            Scope scope = base.with(span).makeCurrent();
            Uni<T> running;
            try {
                running = work.get();
            } catch (RuntimeException failure) {
                running = Uni.createFrom().failure(failure);
            }
            return running.onTermination().invoke((item, failure, cancelled) -> {
                if (failure != null) {
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, failure.toString());
                }
                span.end();
                scope.close();
            });
        });
    }
}
