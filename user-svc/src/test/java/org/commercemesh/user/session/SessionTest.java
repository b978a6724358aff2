package org.commercemesh.user.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.user.TestAccounts.WAIT;

import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.ChangePasswordRequest;
import org.commercemesh.user.v1.LogoutRequest;
import org.commercemesh.user.v1.RefreshTokenRequest;
import org.commercemesh.user.v1.Session;
import org.commercemesh.user.v1.UserService;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SessionTest {

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    UserService users;

    @Test
    void givenARefreshToken_whenRefreshing_thenANewPairIsIssuedAndTheOldTokenIsSpent() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Session rotated = refresh(ann.session().getRefreshToken());

        assertThat(rotated.getRefreshToken()).isNotEqualTo(ann.session().getRefreshToken());
        assertThat(rotated.getAccessToken()).isNotEqualTo(ann.session().getAccessToken());
        assertThat(refresh(rotated.getRefreshToken()).getUser().getId()).isEqualTo(ann.userId().toString());
    }

    @Test
    void givenARotatedTokenPresentedAgain_thenTheWholeFamilyIsRevoked() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        Session rotated = refresh(ann.session().getRefreshToken());

        Throwable reuse = catchThrowable(() -> refresh(ann.session().getRefreshToken()));
        Throwable afterReuse = catchThrowable(() -> refresh(rotated.getRefreshToken()));

        assertThat(GrpcErrors.code(reuse)).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(GrpcErrors.code(afterReuse)).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void givenLogout_thenTheSessionCannotBeRefreshed() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        Session rotated = refresh(ann.session().getRefreshToken());

        auth.logout(LogoutRequest.newBuilder().setRefreshToken(rotated.getRefreshToken()).build()).await().atMost(WAIT);

        assertThat(GrpcErrors.code(catchThrowable(() -> refresh(rotated.getRefreshToken()))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void givenAnUnknownRefreshToken_whenRefreshingOrLoggingOut_thenUnauthenticated() {
        assertThat(GrpcErrors.code(catchThrowable(() -> refresh("made-up")))).isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(GrpcErrors.code(catchThrowable(() -> auth.logout(LogoutRequest.newBuilder()
                .setRefreshToken("made-up").build()).await().atMost(WAIT)))).isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    @Test
    void givenTwoSessions_whenThePasswordChangesInOne_thenTheOtherEndsAndOnlyTheNewPasswordWorks() {
        SignedIn laptop = TestAccounts.registerAndLogin(auth);
        SignedIn phone = TestAccounts.login(auth, laptop.email(), TestAccounts.PASSWORD);

        laptop.as(users).changePassword(ChangePasswordRequest.newBuilder()
                .setCurrentPassword(TestAccounts.PASSWORD).setNewPassword("a brand new secret").build()).await()
                .atMost(WAIT);

        assertThat(GrpcErrors.code(catchThrowable(() -> refresh(phone.session().getRefreshToken()))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(refresh(laptop.session().getRefreshToken()).getAccessToken()).isNotEmpty();
        assertThat(
                GrpcErrors.code(catchThrowable(() -> TestAccounts.login(auth, laptop.email(), TestAccounts.PASSWORD))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(TestAccounts.login(auth, laptop.email(), "a brand new secret").userId()).isEqualTo(laptop.userId());
    }

    @Test
    void givenAWrongCurrentPassword_whenChangingIt_thenInvalidArgumentAndNothingChanges() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Throwable failure = catchThrowable(() -> ann.as(users).changePassword(ChangePasswordRequest.newBuilder()
                .setCurrentPassword("wrong").setNewPassword("short").build()).await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(failure)).containsExactly("current_password", "new_password");
        assertThat(TestAccounts.login(auth, ann.email(), TestAccounts.PASSWORD).userId()).isEqualTo(ann.userId());
    }

    private Session refresh(String refreshToken) {
        return auth.refreshToken(RefreshTokenRequest.newBuilder().setRefreshToken(refreshToken).build())
                .await().atMost(WAIT).getSession();
    }
}
