package org.commercemesh.user.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.user.TestAccounts.PASSWORD;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.testing.mail.Mailbox;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.GetUserRequest;
import org.commercemesh.user.v1.RefreshTokenRequest;
import org.commercemesh.user.v1.RegisterRequest;
import org.commercemesh.user.v1.Role;
import org.commercemesh.user.v1.SetUserRoleRequest;
import org.commercemesh.user.v1.User;
import org.commercemesh.user.v1.UserService;
import org.commercemesh.user.v1.VerifyEmailRequest;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class RoleTest {

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    UserService users;

    @Test
    void givenACustomerMadeAdmin_thenTheirSessionsEnd_andTheirNextSignInCarriesTheAdminRole() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        User promoted = setRole(TestTokens.admin(UUID.randomUUID()), ann.userId(), Role.ROLE_ADMIN);

        assertThat(promoted.getRolesList()).containsExactly(Role.ROLE_ADMIN);
        assertThat(GrpcErrors.code(catchThrowable(() -> auth.refreshToken(RefreshTokenRequest.newBuilder()
                .setRefreshToken(ann.session().getRefreshToken()).build()).await().atMost(WAIT))))
                .isEqualTo(Status.Code.UNAUTHENTICATED);
        SignedIn again = TestAccounts.login(auth, ann.email(), PASSWORD);
        assertThat(again.as(users).getUser(GetUserRequest.newBuilder().setUserId(ann.userId().toString()).build())
                .await().atMost(WAIT).getUser().getRolesList()).as("an admin-only RPC with the new token")
                .containsExactly(Role.ROLE_ADMIN);
    }

    @Test
    void givenTheLastAdmin_whenTheyAreDemoted_thenLastAdmin_andOnceAnotherExistsItWorks() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        SignedIn ben = TestAccounts.registerAndLogin(auth);
        String admin = TestTokens.admin(UUID.randomUUID());
        setRole(admin, ann.userId(), Role.ROLE_ADMIN);
        for (UUID other : admins()) {
            if (!other.equals(ann.userId())) {
                setRole(admin, other, Role.ROLE_CUSTOMER);
            }
        }

        Throwable last = catchThrowable(() -> setRole(admin, ann.userId(), Role.ROLE_CUSTOMER));

        assertThat(GrpcErrors.reason(last)).hasValue("LAST_ADMIN");
        setRole(admin, ben.userId(), Role.ROLE_ADMIN);
        assertThat(setRole(admin, ann.userId(), Role.ROLE_CUSTOMER).getRolesList())
                .containsExactly(Role.ROLE_CUSTOMER);
        assertThat(admins()).containsExactly(ben.userId());
    }

    @Test
    void givenTheBootstrapAddress_whenItIsRegisteredAndVerified_andNoAdminExists_thenItBecomesAdmin()
            throws Throwable {
        String admin = TestTokens.admin(UUID.randomUUID());
        for (UUID other : admins()) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(
                            "update app_user set role = 'CUSTOMER' where id = cast(:id as uuid)")
                            .setParameter("id", other.toString()).executeUpdate())));
        }
        auth.register(RegisterRequest.newBuilder().setEmail("first-admin@example.com").setPassword(PASSWORD)
                .setFirstName("Ada").build()).await().atMost(WAIT);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> admins().isEmpty());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> Mailbox.to("first-admin@example.com", "Confirm your e-mail address").size() == 1);
        auth.verifyEmail(VerifyEmailRequest.newBuilder().setToken(Mailbox.linkToken(
                Mailbox.to("first-admin@example.com", "Confirm your e-mail address").get(0))).build())
                .await().atMost(WAIT);

        await().atMost(Duration.ofSeconds(30)).until(() -> admins().size() == 1);
        SignedIn ada = TestAccounts.login(auth, "first-admin@example.com", PASSWORD);
        assertThat(ada.session().getUser().getRolesList()).containsExactly(Role.ROLE_ADMIN);
        assertThat(GrpcErrors.code(catchThrowable(() -> setRole(admin, ada.userId(), Role.ROLE_CUSTOMER))))
                .isEqualTo(Status.Code.FAILED_PRECONDITION);
    }

    @Test
    void givenACustomerOrAnUnspecifiedRole_thenTheChangeIsRefused() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        assertThat(GrpcErrors.code(catchThrowable(() -> setRole(ann.accessToken(), ann.userId(), Role.ROLE_ADMIN))))
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcErrors.violatedFields(catchThrowable(() -> setRole(TestTokens.admin(UUID.randomUUID()),
                ann.userId(), Role.ROLE_UNSPECIFIED)))).containsExactly("role");
    }

    private User setRole(String token, UUID userId, Role role) {
        return TestTokens.withToken(users, token).setUserRole(SetUserRoleRequest.newBuilder()
                .setUserId(userId.toString()).setRole(role).build()).await().atMost(WAIT).getUser();
    }

    private static List<UUID> admins() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(
                            "select cast(id as text) from app_user where role = 'ADMIN' and deleted_at is null",
                            String.class).getResultList())))
                    .stream().map(UUID::fromString).toList();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
