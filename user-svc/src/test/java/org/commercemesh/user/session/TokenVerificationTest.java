package org.commercemesh.user.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.GetMeRequest;
import org.commercemesh.user.v1.GetUserRequest;
import org.commercemesh.user.v1.ListUsersRequest;
import org.commercemesh.user.v1.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TokenVerificationTest {

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    UserService users;

    static Stream<Function<UUID, String>> forgedTokens() {
        return Stream.of(TestTokens::expired, TestTokens::tamperedToAdmin, TestTokens::unsigned,
                TestTokens::wrongIssuer, TestTokens::wrongAudience, TestTokens::signedWithWrongKey,
                id -> "not.a.jwt");
    }

    @Test
    void givenNoToken_whenCallingAProtectedRpc_thenUnauthenticated() {
        Throwable failure = catchThrowable(() -> users.getMe(GetMeRequest.getDefaultInstance()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @ParameterizedTest
    @MethodSource("forgedTokens")
    void givenAForgedOrStaleToken_whenCallingAProtectedRpc_thenUnauthenticated(Function<UUID, String> forge) {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Throwable failure = catchThrowable(() -> TestTokens.withToken(users, forge.apply(ann.userId()))
                .getMe(GetMeRequest.getDefaultInstance()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void givenACustomer_whenCallingAdminRpcs_thenPermissionDenied() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Throwable list = catchThrowable(
                () -> ann.as(users).listUsers(ListUsersRequest.getDefaultInstance()).await().atMost(WAIT));
        Throwable get = catchThrowable(() -> ann.as(users).getUser(GetUserRequest.newBuilder()
                .setUserId(ann.userId().toString()).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(list)).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcErrors.code(get)).isEqualTo(Status.Code.PERMISSION_DENIED);
    }

    @Test
    void givenAnAdmin_whenCallingAdminRpcs_thenAllowed() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        UserService asAdmin = TestTokens.withToken(users, TestTokens.admin(UUID.randomUUID()));

        assertThat(asAdmin.getUser(GetUserRequest.newBuilder().setUserId(ann.userId().toString()).build())
                .await().atMost(WAIT).getUser().getEmail()).isEqualTo(ann.email());
    }
}
