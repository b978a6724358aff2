package org.commercemesh.platform.auth;

import org.commercemesh.testing.auth.ServiceTokenIssuer;

import io.quarkus.grpc.GrpcService;

/** Stands in for user-svc's client-credentials exchange. */
@GrpcService
public class TestUserAuth extends ServiceTokenIssuer {
}
