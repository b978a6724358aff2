package org.commercemesh.user.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.user.TestAccounts.PASSWORD;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.mail.Mailbox;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.GetMeRequest;
import org.commercemesh.user.v1.RefreshTokenRequest;
import org.commercemesh.user.v1.RequestPasswordResetRequest;
import org.commercemesh.user.v1.ResetPasswordRequest;
import org.commercemesh.user.v1.SendVerificationEmailRequest;
import org.commercemesh.user.v1.UpdateMeRequest;
import org.commercemesh.user.v1.User;
import org.commercemesh.user.v1.UserService;
import org.commercemesh.user.v1.VerifyEmailRequest;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class AccountRecoveryTest {

    private static final String VERIFY = "Confirm your e-mail address";
    private static final String RESET = "Reset your password";
    private static final String NEW_PASSWORD = "a brand new passphrase";

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    UserService users;

    @Test
    void givenANewAccount_whenItsVerificationLinkIsOpened_thenTheAddressIsVerified_andTheLinkWorksOnce() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        assertThat(ann.session().getUser().getEmailVerified()).isFalse();

        MimeMessage mail = awaitOne(ann.email(), VERIFY);
        assertThat(Mailbox.sender(mail)).isEqualTo("accounts@commercemesh.example");
        assertThat(Mailbox.html(mail)).contains("href=\"http://localhost:8080/#/verify-email?token=");
        String token = Mailbox.linkToken(mail);
        User verified = auth.verifyEmail(VerifyEmailRequest.newBuilder().setToken(token).build())
                .await().atMost(WAIT).getUser();

        assertThat(verified.getEmailVerified()).isTrue();
        assertThat(me(ann).getEmailVerified()).isTrue();
        assertInvalidToken(catchThrowable(() -> auth.verifyEmail(VerifyEmailRequest.newBuilder()
                .setToken(token).build()).await().atMost(WAIT)));
    }

    @Test
    void givenAnAddressChangedAfterTheLinksWereSent_thenTheOldLinksAreRefused_andTheNewAddressGetsItsOwn() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String oldToken = Mailbox.linkToken(awaitOne(ann.email(), VERIFY));
        requestReset(ann.email());
        String oldReset = Mailbox.linkToken(awaitOne(ann.email(), RESET));
        String newEmail = TestAccounts.uniqueEmail();

        ann.as(users).updateMe(UpdateMeRequest.newBuilder().setUser(User.newBuilder().setEmail(newEmail))
                .setUpdateMask(FieldMask.newBuilder().addPaths("email")).build()).await().atMost(WAIT);

        assertInvalidToken(catchThrowable(() -> auth.verifyEmail(VerifyEmailRequest.newBuilder()
                .setToken(oldToken).build()).await().atMost(WAIT)));
        assertInvalidToken(catchThrowable(() -> auth.resetPassword(ResetPasswordRequest.newBuilder()
                .setToken(oldReset).setNewPassword(NEW_PASSWORD).build()).await().atMost(WAIT)));
        String newToken = Mailbox.linkToken(awaitOne(newEmail, VERIFY));
        assertThat(auth.verifyEmail(VerifyEmailRequest.newBuilder().setToken(newToken).build())
                .await().atMost(WAIT).getUser().getEmail()).isEqualTo(newEmail);
    }

    @Test
    void givenAProfileChangeThatKeepsTheAddress_thenNoNewVerificationMailIsSent() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        awaitOne(ann.email(), VERIFY);

        ann.as(users).updateMe(UpdateMeRequest.newBuilder().setUser(User.newBuilder().setFirstName("Anna"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("first_name")).build()).await().atMost(WAIT);
        // A resend afterwards is the sentinel: once its mail is in, a mail from the update would be too.
        ann.as(users).sendVerificationEmail(SendVerificationEmailRequest.getDefaultInstance()).await().atMost(WAIT);

        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(ann.email(), VERIFY).size() >= 2);
        assertThat(Mailbox.to(ann.email(), VERIFY)).hasSize(2);
    }

    @Test
    void givenAResentVerificationLink_thenTheEarlierLinkStopsWorking_andAVerifiedAddressGetsNoMore() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String first = Mailbox.linkToken(awaitOne(ann.email(), VERIFY));

        ann.as(users).sendVerificationEmail(SendVerificationEmailRequest.getDefaultInstance()).await().atMost(WAIT);
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(ann.email(), VERIFY).size() == 2);
        String second = Mailbox.linkToken(Mailbox.to(ann.email(), VERIFY).stream()
                .filter(mail -> !Mailbox.linkToken(mail).equals(first)).findFirst().orElseThrow());

        assertInvalidToken(catchThrowable(() -> auth.verifyEmail(VerifyEmailRequest.newBuilder()
                .setToken(first).build()).await().atMost(WAIT)));
        auth.verifyEmail(VerifyEmailRequest.newBuilder().setToken(second).build()).await().atMost(WAIT);
        Throwable again = catchThrowable(() -> ann.as(users)
                .sendVerificationEmail(SendVerificationEmailRequest.getDefaultInstance()).await().atMost(WAIT));
        assertThat(GrpcErrors.code(again)).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.reason(again)).hasValue("EMAIL_ALREADY_VERIFIED");
    }

    @Test
    void givenAResetLink_whenANewPasswordIsSet_thenOnlyItSignsIn_everySessionIsRevoked_andTheLinkIsSpent() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        requestReset(ann.email());
        String token = Mailbox.linkToken(awaitOne(ann.email(), RESET));

        auth.resetPassword(ResetPasswordRequest.newBuilder().setToken(token).setNewPassword(NEW_PASSWORD).build())
                .await().atMost(WAIT);

        assertThat(GrpcErrors.code(catchThrowable(() -> TestAccounts.login(auth, ann.email(), PASSWORD))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        SignedIn again = TestAccounts.login(auth, ann.email(), NEW_PASSWORD);
        assertThat(again.session().getUser().getEmailVerified()).as("the link reached the mailbox").isTrue();
        assertThat(GrpcErrors.code(catchThrowable(() -> auth.refreshToken(RefreshTokenRequest.newBuilder()
                .setRefreshToken(ann.session().getRefreshToken()).build()).await().atMost(WAIT))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertInvalidToken(catchThrowable(() -> auth.resetPassword(ResetPasswordRequest.newBuilder()
                .setToken(token).setNewPassword("yet another passphrase").build()).await().atMost(WAIT)));
    }

    @Test
    void givenAWeakNewPassword_thenItIsRefused_andTheLinkStillWorks() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        requestReset(ann.email());
        String token = Mailbox.linkToken(awaitOne(ann.email(), RESET));

        Throwable weak = catchThrowable(() -> auth.resetPassword(ResetPasswordRequest.newBuilder().setToken(token)
                .setNewPassword("short").build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(weak)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.violatedFields(weak)).containsExactly("new_password");
        auth.resetPassword(ResetPasswordRequest.newBuilder().setToken(token).setNewPassword(NEW_PASSWORD).build())
                .await().atMost(WAIT);
        TestAccounts.login(auth, ann.email(), NEW_PASSWORD);
    }

    @Test
    void givenAnExpiredResetLink_thenItIsRefused_andThePasswordStays() throws Throwable {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        requestReset(ann.email());
        String token = Mailbox.linkToken(awaitOne(ann.email(), RESET));
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("update account_link set expires_at = now() - "
                        + "interval '1 second' where user_id = cast(:user as uuid) and purpose = 'RESET_PASSWORD'")
                        .setParameter("user", ann.userId().toString()).executeUpdate())));

        assertInvalidToken(catchThrowable(() -> auth.resetPassword(ResetPasswordRequest.newBuilder()
                .setToken(token).setNewPassword(NEW_PASSWORD).build()).await().atMost(WAIT)));
        TestAccounts.login(auth, ann.email(), PASSWORD);
    }

    @Test
    void givenAnUnknownAddress_thenTheAnswerIsTheSameAsForAnAccount_andNoMailGoesOut() {
        String nobody = TestAccounts.uniqueEmail();
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        requestReset(nobody);
        requestReset(ann.email());

        awaitOne(ann.email(), RESET);
        assertThat(Mailbox.to(nobody)).isEmpty();
    }

    @Test
    void givenALockedOutAccount_whenItsPasswordIsReset_thenItSignsInAtOnce() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        for (int i = 0; i < 5; i++) {
            catchThrowable(() -> TestAccounts.login(auth, ann.email(), "not the password"));
        }
        assertThat(GrpcErrors.code(catchThrowable(() -> TestAccounts.login(auth, ann.email(), PASSWORD))))
                .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);

        requestReset(ann.email());
        auth.resetPassword(ResetPasswordRequest.newBuilder().setToken(Mailbox.linkToken(awaitOne(ann.email(),
                RESET))).setNewPassword(NEW_PASSWORD).build()).await().atMost(WAIT);

        TestAccounts.login(auth, ann.email(), NEW_PASSWORD);
    }

    @Test
    void givenMoreResetRequestsForOneAddressThanTheLimit_thenTheExtraOneIsThrottled_knownOrNot() {
        for (String email : List.of(TestAccounts.uniqueEmail(), TestAccounts.registerAndLogin(auth).email())) {
            for (int i = 0; i < 3; i++) {
                requestReset(email);
            }
            Throwable fourth = catchThrowable(() -> requestReset(email));
            assertThat(GrpcErrors.code(fourth)).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
            assertThat(GrpcErrors.retryInfo(fourth)).isPresent();
        }
    }

    @Test
    void givenGarbage_thenEachRpcNamesTheField() {
        assertInvalidToken(catchThrowable(() -> auth.verifyEmail(VerifyEmailRequest.newBuilder()
                .setToken("x".repeat(5000)).build()).await().atMost(WAIT)));
        Throwable blank = catchThrowable(() -> auth.resetPassword(ResetPasswordRequest.getDefaultInstance())
                .await().atMost(WAIT));
        assertThat(GrpcErrors.violatedFields(blank)).containsExactlyInAnyOrder("token", "new_password");
        Throwable email = catchThrowable(() -> auth.requestPasswordReset(RequestPasswordResetRequest.newBuilder()
                .setEmail("not-an-address").build()).await().atMost(WAIT));
        assertThat(GrpcErrors.violatedFields(email)).containsExactly("email");
    }

    private void requestReset(String email) {
        auth.requestPasswordReset(RequestPasswordResetRequest.newBuilder().setEmail(email).build())
                .await().atMost(WAIT);
    }

    private User me(SignedIn who) {
        return who.as(users).getMe(GetMeRequest.getDefaultInstance()).await().atMost(WAIT).getUser();
    }

    private static MimeMessage awaitOne(String email, String subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.to(email, subject).size() == 1);
        return Mailbox.to(email, subject).get(0);
    }

    private static void assertInvalidToken(Throwable failure) {
        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.violatedFields(failure)).containsExactly("token");
    }
}
