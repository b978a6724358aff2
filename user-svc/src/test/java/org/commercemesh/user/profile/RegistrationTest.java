package org.commercemesh.user.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.Gender;
import org.commercemesh.user.v1.RegisterRequest;
import org.commercemesh.user.v1.Role;
import org.commercemesh.user.v1.User;
import org.commercemesh.user.v1.UserRegistered;
import org.junit.jupiter.api.Test;

import com.google.type.Date;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

@QuarkusTest
class RegistrationTest {

    @GrpcClient("user")
    AuthService auth;

    @Test
    void givenValidDetails_whenRegistering_thenACustomerAccountWithANormalisedEmailIsCreated() throws Throwable {
        String email = TestAccounts.uniqueEmail();

        User user = auth.register(RegisterRequest.newBuilder()
                .setEmail("  " + email.toUpperCase() + " ")
                .setPassword(TestAccounts.PASSWORD)
                .setFirstName(" Ann ")
                .setLastName("Lee")
                .setPhone("+66812345678")
                .setDateOfBirth(Date.newBuilder().setYear(1990).setMonth(2).setDay(28))
                .setGender(Gender.GENDER_FEMALE)
                .setNewsletterOptIn(true)
                .build()).await().atMost(WAIT).getUser();

        assertThat(user.getEmail()).isEqualTo(email);
        assertThat(user.getFirstName()).isEqualTo("Ann");
        assertThat(user.getRolesList()).containsExactly(Role.ROLE_CUSTOMER);
        assertThat(user.getDateOfBirth().getDay()).isEqualTo(28);
        assertThat(user.getNewsletterOptIn()).isTrue();
        String stored = storedPasswordHash(user.getId());
        assertThat(stored).startsWith("$2").doesNotContain(TestAccounts.PASSWORD);
    }

    @Test
    void givenEveryFieldInvalid_whenRegistering_thenOneAnswerListsEveryViolation() {
        Throwable failure = catchThrowable(() -> auth.register(RegisterRequest.newBuilder()
                .setEmail("not-an-email")
                .setPassword("short")
                .setFirstName("   ")
                .setLastName("x".repeat(101))
                .setPhone("0812345678")
                .setDateOfBirth(Date.newBuilder().setYear(LocalDate.now().getYear() + 1).setMonth(1).setDay(1))
                .setGenderValue(42)
                .build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.violatedFields(failure)).containsExactlyInAnyOrder(
                "email", "password", "first_name", "last_name", "phone", "gender", "date_of_birth");
    }

    @Test
    void givenAnImpossibleDate_whenRegistering_thenDateOfBirthIsRefused() {
        Throwable failure = catchThrowable(() -> auth.register(valid(TestAccounts.uniqueEmail())
                .setDateOfBirth(Date.newBuilder().setYear(1990).setMonth(2).setDay(30)).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(failure)).containsExactly("date_of_birth");
    }

    @Test
    void givenPasswordsBcryptCannotHoldOrThatEqualTheEmail_whenRegistering_thenTheyAreRefused() {
        String email = TestAccounts.uniqueEmail();
        String seventyTwoPlusBytes = "é".repeat(40);

        Throwable tooLong = catchThrowable(() -> auth.register(valid(email).setPassword(seventyTwoPlusBytes).build())
                .await().atMost(WAIT));
        Throwable sameAsEmail = catchThrowable(
                () -> auth.register(valid(email).setPassword(email.toUpperCase()).build())
                        .await().atMost(WAIT));

        assertThat(seventyTwoPlusBytes.getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThan(72);
        assertThat(GrpcErrors.badRequest(tooLong).orElseThrow().getFieldViolations(0).getDescription())
                .contains("72 bytes");
        assertThat(GrpcErrors.violatedFields(sameAsEmail)).containsExactly("password");
    }

    @Test
    void givenAnEmailInUse_whenRegisteringItAgainInAnotherCase_thenAlreadyExists() {
        String email = TestAccounts.uniqueEmail();
        auth.register(valid(email).build()).await().atMost(WAIT);

        Throwable failure = catchThrowable(
                () -> auth.register(valid(email.toUpperCase()).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void givenARegistration_thenUserRegisteredReachesKafka() throws Exception {
        String email = TestAccounts.uniqueEmail();
        String userId = auth.register(valid(email).build()).await().atMost(WAIT).getUser().getId();

        try (ConsumerTask<String, byte[]> consumer = TestKafka.readFromStart("user.events")) {
            ConsumerRecord<String, byte[]> record = TestKafka
                    .recordsUntil(consumer, r -> userId.equals(r.key()), Duration.ofSeconds(30)).stream()
                    .filter(r -> userId.equals(r.key()))
                    .findFirst().orElseThrow(() -> new AssertionError("UserRegistered never reached Kafka"));
            assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("commerce.user.v1.UserRegistered");
            assertThat(new String(record.headers().lastHeader("ce_source").value(), StandardCharsets.UTF_8))
                    .isEqualTo("user-svc");
            assertThat(UserRegistered.parseFrom(record.value()).getEmail()).isEqualTo(email);
        }
    }

    private static RegisterRequest.Builder valid(String email) {
        return RegisterRequest.newBuilder().setEmail(email).setPassword(TestAccounts.PASSWORD).setFirstName("Ann");
    }

    private static String storedPasswordHash(String userId) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "select password_hash from app_user where id = cast(:id as uuid)", String.class)
                        .setParameter("id", userId)
                        .getSingleResult())));
    }
}
