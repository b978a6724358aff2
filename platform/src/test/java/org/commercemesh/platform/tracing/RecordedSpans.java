package org.commercemesh.platform.tracing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** Every span the test application ends, kept in memory beside the real exporters. */
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter recorded() {
        return InMemorySpanExporter.create();
    }
}
