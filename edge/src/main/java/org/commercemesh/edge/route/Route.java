package org.commercemesh.edge.route;

import java.time.Duration;

/** One of envoy.yaml's routes: forward to a cluster, or answer directly. */
public record Route(String name, PathMatch match, Action action) {

    public sealed interface Action {
    }

    public record Forward(String cluster, Duration timeout, RetryPolicy retryPolicy) implements Action {
    }

    public record DirectResponse(int httpStatus) implements Action {
    }
}
