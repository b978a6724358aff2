package org.commercemesh.user.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.kafka.TestKafka;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.AddressService;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.commercemesh.user.v1.DeleteMeRequest;
import org.commercemesh.user.v1.GetMeRequest;
import org.commercemesh.user.v1.ListAddressesRequest;
import org.commercemesh.user.v1.ListUsersRequest;
import org.commercemesh.user.v1.ListUsersResponse;
import org.commercemesh.user.v1.RefreshTokenRequest;
import org.commercemesh.user.v1.RegisterRequest;
import org.commercemesh.user.v1.UpdateMeRequest;
import org.commercemesh.user.v1.User;
import org.commercemesh.user.v1.UserService;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

@QuarkusTest
class AccountLifecycleTest {

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    UserService users;

    @GrpcClient("user")
    AddressService addresses;

    @Test
    void givenAMask_whenUpdatingMe_thenOnlyTheNamedFieldsChange() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        User updated = ann.as(users).updateMe(UpdateMeRequest.newBuilder()
                .setUser(User.newBuilder().setFirstName("Annabel").setLastName("ignored, not in the mask"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("first_name").addPaths("newsletter_opt_in"))
                .build()).await().atMost(WAIT).getUser();

        assertThat(updated.getFirstName()).isEqualTo("Annabel");
        assertThat(updated.getLastName()).isEmpty();
        assertThat(updated.getEmail()).isEqualTo(ann.email());
    }

    @Test
    void givenAnEmailAnotherAccountUses_whenUpdatingMe_thenAlreadyExists() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        SignedIn bob = TestAccounts.registerAndLogin(auth);

        Throwable failure = catchThrowable(() -> ann.as(users).updateMe(UpdateMeRequest.newBuilder()
                .setUser(User.newBuilder().setEmail(bob.email().toUpperCase()))
                .setUpdateMask(FieldMask.newBuilder().addPaths("email")).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.ALREADY_EXISTS);
    }

    @Test
    void givenAnEmptyOrReadOnlyMask_whenUpdatingMe_thenInvalidArgument() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Throwable empty = catchThrowable(() -> ann.as(users).updateMe(UpdateMeRequest.newBuilder()
                .setUser(User.newBuilder().setFirstName("X")).build()).await().atMost(WAIT));
        Throwable readOnly = catchThrowable(() -> ann.as(users).updateMe(UpdateMeRequest.newBuilder()
                .setUser(User.newBuilder().setId(UUID.randomUUID().toString()).setFirstName(""))
                .setUpdateMask(FieldMask.newBuilder().addPaths("id").addPaths("roles").addPaths("first_name"))
                .build()).await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(empty)).containsExactly("update_mask");
        assertThat(GrpcErrors.violatedFields(readOnly)).containsExactly("update_mask", "update_mask",
                "user.first_name");
    }

    @Test
    void givenDeleteMe_thenTheAccountDisappearsItsSessionsEndAndTheEmailCanRegisterAgain() throws Exception {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        ann.as(addresses).createAddress(CreateAddressRequest.newBuilder().setAddress(Address.newBuilder()
                .setRecipientName("Ann").setLine1("1 Sukhumvit Rd").setCity("Bangkok").setPostalCode("10110")
                .setCountryCode("TH")).build()).await().atMost(WAIT);

        ann.as(users).deleteMe(DeleteMeRequest.newBuilder().setPassword(TestAccounts.PASSWORD).build()).await()
                .atMost(WAIT);

        assertThat(GrpcErrors.code(catchThrowable(() -> ann.as(users).getMe(GetMeRequest.getDefaultInstance())
                .await().atMost(WAIT)))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(GrpcErrors.code(catchThrowable(() -> ann.as(addresses).listAddresses(ListAddressesRequest
                .getDefaultInstance()).await().atMost(WAIT)))).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(GrpcErrors.code(catchThrowable(() -> auth.refreshToken(RefreshTokenRequest.newBuilder()
                .setRefreshToken(ann.session().getRefreshToken()).build()).await().atMost(WAIT))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        assertThat(GrpcErrors.code(catchThrowable(() -> TestAccounts.login(auth, ann.email(), TestAccounts.PASSWORD))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);

        User again = auth.register(RegisterRequest.newBuilder().setEmail(ann.email()).setPassword(TestAccounts.PASSWORD)
                .setFirstName("Ann").build()).await().atMost(WAIT).getUser();
        assertThat(again.getId()).isNotEqualTo(ann.userId().toString());
        SignedIn newAnn = TestAccounts.login(auth, ann.email(), TestAccounts.PASSWORD);
        assertThat(newAnn.as(addresses).listAddresses(ListAddressesRequest.getDefaultInstance()).await().atMost(WAIT)
                .getAddressesList()).isEmpty();

        try (ConsumerTask<String, byte[]> consumer = TestKafka.readFromStart("user.events")) {
            String key = ann.userId().toString();
            assertThat(TestKafka.recordsUntil(consumer,
                    r -> key.equals(r.key()) && "commerce.user.v1.UserDeleted".equals(
                            new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)),
                    Duration.ofSeconds(30)))
                    .anyMatch(r -> "commerce.user.v1.UserDeleted".equals(
                            new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)));
        }
    }

    @Test
    void givenAWrongPassword_whenDeletingMe_thenTheAccountStays() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Throwable failure = catchThrowable(() -> ann.as(users).deleteMe(DeleteMeRequest.newBuilder()
                .setPassword("wrong").build()).await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(failure)).containsExactly("password");
        assertThat(ann.as(users).getMe(GetMeRequest.getDefaultInstance()).await().atMost(WAIT).getUser().getId())
                .isEqualTo(ann.userId().toString());
    }

    @Test
    void givenManyAccounts_whenAnAdminPagesThroughAPrefix_thenEachMatchingAccountComesOnceNewestFirst() {
        // An underscore in the prefix is a literal, not LIKE's any-character.
        String prefix = "pager_" + UUID.randomUUID().toString().substring(0, 8);
        List<String> registered = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = prefix + "-" + i + "@example.com";
            auth.register(RegisterRequest.newBuilder().setEmail(email).setPassword(TestAccounts.PASSWORD)
                    .setFirstName("P" + i).build()).await().atMost(WAIT);
            registered.add(email);
        }
        UserService admin = TestTokens.withToken(users, TestTokens.admin(UUID.randomUUID()));

        List<String> seen = new ArrayList<>();
        String token = "";
        do {
            ListUsersResponse page = admin.listUsers(ListUsersRequest.newBuilder().setPageSize(2)
                    .setEmailPrefix(prefix.toUpperCase()).setPageToken(token).build()).await().atMost(WAIT);
            page.getUsersList().forEach(user -> seen.add(user.getEmail()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        java.util.Collections.reverse(registered);
        assertThat(seen).containsExactlyElementsOf(registered);
    }

    @Test
    void givenAForgedPageToken_whenListingUsers_thenInvalidArgument() {
        UserService admin = TestTokens.withToken(users, TestTokens.admin(UUID.randomUUID()));

        Throwable failure = catchThrowable(() -> admin.listUsers(ListUsersRequest.newBuilder()
                .setPageToken("Zm9vAGJhcg").setPageSize(500).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }
}
