package org.commercemesh.user.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.util.List;

import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.sms.TwilioApiResource;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.ConfirmPhoneVerificationRequest;
import org.commercemesh.user.v1.GetNotificationPreferencesRequest;
import org.commercemesh.user.v1.NotificationPreferences;
import org.commercemesh.user.v1.StartPhoneVerificationRequest;
import org.commercemesh.user.v1.UpdateNotificationPreferencesRequest;
import org.commercemesh.user.v1.UserService;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotificationPreferencesTest {

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    UserService users;

    @Test
    void givenANewAccount_thenEmailIsOn_andTextsAreOffWithoutAPhone() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        assertThat(preferences(ann)).isEqualTo(NotificationPreferences.newBuilder().setEmailEnabled(true).build());
    }

    @Test
    void givenNoVerifiedPhone_whenTextsAreTurnedOn_thenPhoneNotVerified_andNothingChanges() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Throwable refused = catchThrowable(() -> update(ann, NotificationPreferences.newBuilder()
                .setSmsEnabled(true).setEmailEnabled(false).build(), "sms_enabled", "email_enabled"));

        assertThat(GrpcErrors.code(refused)).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.reason(refused)).hasValue("PHONE_NOT_VERIFIED");
        assertThat(preferences(ann).getEmailEnabled()).isTrue();
    }

    @Test
    void givenTheTextedCode_whenConfirmed_thenThePhoneIsTheSmsPhone_textsAreOn_andEmailCanBeTurnedOff() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        String phone = TestAccounts.verifyPhone(ann, users);
        NotificationPreferences emailOff = update(ann, NotificationPreferences.newBuilder().setEmailEnabled(false)
                .setSmsEnabled(false).build(), "email_enabled");

        assertThat(TwilioApiResource.api().acceptedFor(phone)).singleElement().satisfies(text -> {
            assertThat(text.from()).isEqualTo(TwilioApiResource.FROM);
            assertThat(text.body()).matches("Your commerce-mesh code is \\d{6}\\. It works for 10 minutes\\.");
        });
        assertThat(emailOff).isEqualTo(NotificationPreferences.newBuilder().setEmailEnabled(false)
                .setSmsEnabled(true).setSmsPhone(phone).build());
    }

    @Test
    void givenFiveWrongCodes_thenEvenTheRightOneIsRefused_untilANewVerificationIsStarted() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String phone = TestAccounts.uniquePhone();
        start(ann, phone);
        String code = TestAccounts.textedCode(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";

        for (int i = 0; i < 5; i++) {
            Throwable guess = catchThrowable(() -> confirm(ann, wrong));
            assertThat(GrpcErrors.violatedFields(guess)).containsExactly("code");
        }
        Throwable right = catchThrowable(() -> confirm(ann, code));

        assertThat(GrpcErrors.reason(right)).hasValue("NO_PHONE_VERIFICATION");
        assertThat(preferences(ann).getSmsPhone()).isEmpty();
        start(ann, phone);
        confirm(ann, TestAccounts.textedCode(phone));
        assertThat(preferences(ann).getSmsPhone()).isEqualTo(phone);
    }

    @Test
    void givenTheGatewayDown_whenAVerificationStarts_thenUnavailable_andAfterwardsItWorks() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String phone = TestAccounts.uniquePhone();

        TwilioApiResource.api().outage(true);
        Throwable down;
        try {
            down = catchThrowable(() -> start(ann, phone));
        } finally {
            TwilioApiResource.api().outage(false);
        }

        assertThat(GrpcErrors.code(down)).isEqualTo(Status.Code.UNAVAILABLE);
        start(ann, phone);
        confirm(ann, TestAccounts.textedCode(phone));
        assertThat(preferences(ann).getSmsPhone()).isEqualTo(phone);
    }

    @Test
    void givenBadInput_thenEachFieldIsNamed() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        assertThat(GrpcErrors.violatedFields(catchThrowable(() -> start(ann, "0812345678")))).containsExactly("phone");
        assertThat(GrpcErrors.violatedFields(catchThrowable(() -> confirm(ann, "12ab56")))).containsExactly("code");
        assertThat(GrpcErrors.code(catchThrowable(() -> confirm(ann, "123456"))))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.violatedFields(catchThrowable(() -> update(ann,
                NotificationPreferences.getDefaultInstance(), "sms_phone")))).containsExactly("update_mask");
    }

    private NotificationPreferences preferences(SignedIn who) {
        return who.as(users).getNotificationPreferences(GetNotificationPreferencesRequest.getDefaultInstance())
                .await().atMost(WAIT).getPreferences();
    }

    private NotificationPreferences update(SignedIn who, NotificationPreferences values, String... paths) {
        return who.as(users).updateNotificationPreferences(UpdateNotificationPreferencesRequest.newBuilder()
                .setPreferences(values).setUpdateMask(FieldMask.newBuilder().addAllPaths(List.of(paths)))
                .build()).await().atMost(WAIT).getPreferences();
    }

    private void start(SignedIn who, String phone) {
        who.as(users).startPhoneVerification(StartPhoneVerificationRequest.newBuilder().setPhone(phone).build())
                .await().atMost(WAIT);
    }

    private void confirm(SignedIn who, String code) {
        who.as(users).confirmPhoneVerification(ConfirmPhoneVerificationRequest.newBuilder().setCode(code).build())
                .await().atMost(WAIT);
    }
}
