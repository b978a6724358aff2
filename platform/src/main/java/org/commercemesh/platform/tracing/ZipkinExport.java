package org.commercemesh.platform.tracing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Where spans go: with {@code commerce.tracing.exporter=zipkin} to a Zipkin server, in Zipkin's
 * own JSON ({@code dev/mesh} runs Zipkin from Maven Central and says so); otherwise this exporter
 * is not there, and Quarkus' OTLP exporter sends them to the collector that
 * {@code quarkus.otel.exporter.otlp.endpoint} names (production). Quarkus uses its OTLP exporter
 * only when no other exporter can be looked up, hence the lookup condition rather than a
 * no-op exporter.
 */
@Singleton
public class ZipkinExport {

    @Produces
    @Singleton
    @LookupIfProperty(name = "commerce.tracing.exporter", stringValue = "zipkin")
    SpanExporter zipkin(@ConfigProperty(name = "commerce.tracing.zipkin-endpoint") String endpoint) {
        return ZipkinSpanExporter.builder().setEndpoint(endpoint).build();
    }
}
