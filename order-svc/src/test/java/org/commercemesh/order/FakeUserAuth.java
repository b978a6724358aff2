package org.commercemesh.order;

import org.commercemesh.testing.auth.ServiceTokenIssuer;

import io.quarkus.grpc.GrpcService;

/** Stands in for user-svc, which issues order-svc its own service token. */
@GrpcService
public class FakeUserAuth extends ServiceTokenIssuer {
}
