package org.commercemesh.user.profile;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.grpc.ClientAddress;
import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.platform.status.ContractEnum;
import org.commercemesh.platform.time.ProtoTime;
import org.commercemesh.user.account.AccountRole;
import org.commercemesh.user.account.UserAccount;
import org.commercemesh.user.account.UserMapper;
import org.commercemesh.user.notification.PreferenceMapper;
import org.commercemesh.user.notification.PreferenceService;
import org.commercemesh.user.recovery.RecoveryService;
import org.commercemesh.user.session.AccessTokens;
import org.commercemesh.user.session.CredentialService;
import org.commercemesh.user.v1.ChangePasswordRequest;
import org.commercemesh.user.v1.ChangePasswordResponse;
import org.commercemesh.user.v1.ConfirmPhoneVerificationRequest;
import org.commercemesh.user.v1.ConfirmPhoneVerificationResponse;
import org.commercemesh.user.v1.DeleteMeRequest;
import org.commercemesh.user.v1.DeleteMeResponse;
import org.commercemesh.user.v1.GetMeRequest;
import org.commercemesh.user.v1.GetMeResponse;
import org.commercemesh.user.v1.GetNotificationPreferencesRequest;
import org.commercemesh.user.v1.GetNotificationPreferencesResponse;
import org.commercemesh.user.v1.GetUserRequest;
import org.commercemesh.user.v1.GetUserResponse;
import org.commercemesh.user.v1.ListUsersRequest;
import org.commercemesh.user.v1.ListUsersResponse;
import org.commercemesh.user.v1.SendVerificationEmailRequest;
import org.commercemesh.user.v1.SendVerificationEmailResponse;
import org.commercemesh.user.v1.SetUserRoleRequest;
import org.commercemesh.user.v1.SetUserRoleResponse;
import org.commercemesh.user.v1.StartPhoneVerificationRequest;
import org.commercemesh.user.v1.StartPhoneVerificationResponse;
import org.commercemesh.user.v1.UpdateMeRequest;
import org.commercemesh.user.v1.UpdateMeResponse;
import org.commercemesh.user.v1.UpdateNotificationPreferencesRequest;
import org.commercemesh.user.v1.UpdateNotificationPreferencesResponse;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.user.v1.UserService: the caller's own account, and admin views of all accounts. */
@GrpcService
public class UserGrpcService implements org.commercemesh.user.v1.UserService {

    private final UserService accounts;
    private final CredentialService credentials;
    private final RecoveryService recovery;
    private final PreferenceService preferences;
    private final RoleService roles;
    private final Caller caller;

    public UserGrpcService(UserService accounts, CredentialService credentials, RecoveryService recovery,
            PreferenceService preferences, RoleService roles, Caller caller) {
        this.roles = roles;
        this.accounts = accounts;
        this.credentials = credentials;
        this.recovery = recovery;
        this.preferences = preferences;
        this.caller = caller;
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<GetMeResponse> getMe(GetMeRequest request) {
        return caller.current().chain(me -> accounts.get(me.userId()))
                .map(account -> GetMeResponse.newBuilder().setUser(UserMapper.toProto(account)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<UpdateMeResponse> updateMe(UpdateMeRequest request) {
        return caller.current().chain(me -> accounts.update(me.userId(), request))
                .map(account -> UpdateMeResponse.newBuilder().setUser(UserMapper.toProto(account)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<ChangePasswordResponse> changePassword(ChangePasswordRequest request) {
        return caller.current().chain(me -> credentials.changePassword(me.userId(),
                me.claim(AccessTokens.SESSION_CLAIM).map(Ids::parseOrNull).orElse(null), request))
                .replaceWith(ChangePasswordResponse.getDefaultInstance());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<SendVerificationEmailResponse> sendVerificationEmail(SendVerificationEmailRequest request) {
        String client = ClientAddress.current();
        return caller.current().chain(me -> recovery.resendVerification(me.userId(), client))
                .replaceWith(SendVerificationEmailResponse.getDefaultInstance());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<GetNotificationPreferencesResponse> getNotificationPreferences(
            GetNotificationPreferencesRequest request) {
        return caller.current().chain(me -> preferences.get(me.userId()))
                .map(account -> GetNotificationPreferencesResponse.newBuilder()
                        .setPreferences(PreferenceMapper.toProto(account)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<UpdateNotificationPreferencesResponse> updateNotificationPreferences(
            UpdateNotificationPreferencesRequest request) {
        return caller.current().chain(me -> preferences.update(me.userId(), request))
                .map(account -> UpdateNotificationPreferencesResponse.newBuilder()
                        .setPreferences(PreferenceMapper.toProto(account)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<StartPhoneVerificationResponse> startPhoneVerification(StartPhoneVerificationRequest request) {
        String client = ClientAddress.current();
        return caller.current().chain(me -> preferences.startVerification(me.userId(), request.getPhone(), client))
                .map(expires -> StartPhoneVerificationResponse.newBuilder()
                        .setExpireTime(ProtoTime.toProto(expires)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<ConfirmPhoneVerificationResponse> confirmPhoneVerification(ConfirmPhoneVerificationRequest request) {
        return caller.current().chain(me -> preferences.confirmVerification(me.userId(), request.getCode()))
                .map(account -> ConfirmPhoneVerificationResponse.newBuilder()
                        .setPreferences(PreferenceMapper.toProto(account)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<DeleteMeResponse> deleteMe(DeleteMeRequest request) {
        return caller.current().chain(me -> {
            new Violations().check(!request.getPassword().isEmpty(), "password", "is required").throwIfAny();
            return accounts.delete(me.userId(), request.getPassword());
        }).replaceWith(DeleteMeResponse.getDefaultInstance());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<GetUserResponse> getUser(GetUserRequest request) {
        return Uni.createFrom().deferred(() -> {
            new Violations().requireUuid("user_id", request.getUserId()).throwIfAny();
            return accounts.get(UUID.fromString(request.getUserId()));
        }).map(account -> GetUserResponse.newBuilder().setUser(UserMapper.toProto(account)).build());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<SetUserRoleResponse> setUserRole(SetUserRoleRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations().requireUuid("user_id", request.getUserId());
            AccountRole role = ContractEnum.of(AccountRole.class, request.getRole()).orElse(null);
            violations.check(role != null, "role", "must be ROLE_CUSTOMER or ROLE_ADMIN");
            violations.throwIfAny();
            return roles.setRole(UUID.fromString(request.getUserId()), role);
        }).map(account -> SetUserRoleResponse.newBuilder().setUser(UserMapper.toProto(account)).build());
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public Uni<ListUsersResponse> listUsers(ListUsersRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations();
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 2, violations);
            violations.optionalText("email_prefix", request.getEmailPrefix(), 254);
            violations.throwIfAny();
            return accounts.list(page, request.getEmailPrefix())
                    .map(fetched -> toResponse(page, fetched));
        });
    }

    private static ListUsersResponse toResponse(PageRequest page, List<UserAccount> fetched) {
        List<UserAccount> served = page.pageOf(fetched);
        ListUsersResponse.Builder response = ListUsersResponse.newBuilder();
        served.forEach(account -> response.addUsers(UserMapper.toProto(account)));
        if (page.hasMore(fetched)) {
            UserAccount last = served.get(served.size() - 1);
            response.setNextPageToken(PageRequest.tokenAfter(last.createdAt.toString(), last.id.toString()));
        }
        return response.build();
    }
}
