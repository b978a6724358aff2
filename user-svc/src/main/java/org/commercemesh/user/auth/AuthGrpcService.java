package org.commercemesh.user.auth;

import jakarta.annotation.security.PermitAll;

import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.grpc.ClientAddress;
import org.commercemesh.user.account.UserMapper;
import org.commercemesh.user.client.ApiClientService;
import org.commercemesh.user.profile.UserService;
import org.commercemesh.user.recovery.RecoveryService;
import org.commercemesh.user.session.LoginService;
import org.commercemesh.user.session.SessionService;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.IssueClientTokenRequest;
import org.commercemesh.user.v1.IssueClientTokenResponse;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.LoginResponse;
import org.commercemesh.user.v1.LogoutRequest;
import org.commercemesh.user.v1.LogoutResponse;
import org.commercemesh.user.v1.RefreshTokenRequest;
import org.commercemesh.user.v1.RefreshTokenResponse;
import org.commercemesh.user.v1.RegisterRequest;
import org.commercemesh.user.v1.RegisterResponse;
import org.commercemesh.user.v1.RequestPasswordResetRequest;
import org.commercemesh.user.v1.RequestPasswordResetResponse;
import org.commercemesh.user.v1.ResetPasswordRequest;
import org.commercemesh.user.v1.ResetPasswordResponse;
import org.commercemesh.user.v1.VerifyEmailRequest;
import org.commercemesh.user.v1.VerifyEmailResponse;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.user.v1.AuthService: the RPCs a caller uses before it has an access token. */
@GrpcService
public class AuthGrpcService implements AuthService {

    private final UserService accounts;
    private final LoginService logins;
    private final SessionService sessions;
    private final ApiClientService clients;
    private final RecoveryService recovery;

    public AuthGrpcService(UserService accounts, LoginService logins, SessionService sessions,
            ApiClientService clients, RecoveryService recovery) {
        this.accounts = accounts;
        this.logins = logins;
        this.sessions = sessions;
        this.clients = clients;
        this.recovery = recovery;
    }

    @Override
    @PermitAll
    public Uni<RegisterResponse> register(RegisterRequest request) {
        String client = ClientAddress.current();
        return Uni.createFrom().deferred(() -> accounts.register(request, client))
                .map(account -> RegisterResponse.newBuilder().setUser(UserMapper.toProto(account)).build());
    }

    @Override
    @PermitAll
    public Uni<LoginResponse> login(LoginRequest request) {
        String client = ClientAddress.current();
        return Uni.createFrom().deferred(() -> logins.login(request, client))
                .map(session -> LoginResponse.newBuilder().setSession(session).build());
    }

    @Override
    @PermitAll
    public Uni<RefreshTokenResponse> refreshToken(RefreshTokenRequest request) {
        return sessions.rotate(request.getRefreshToken())
                .map(session -> RefreshTokenResponse.newBuilder().setSession(session).build());
    }

    @Override
    @PermitAll
    public Uni<IssueClientTokenResponse> issueClientToken(IssueClientTokenRequest request) {
        return Uni.createFrom().deferred(() -> {
            new Violations().requireText("client_id", request.getClientId(), 1, 100)
                    .check(!request.getClientSecret().isEmpty(), "client_secret", "is required")
                    .check(request.getClientSecret().length() <= 256, "client_secret", "must be at most 256 characters")
                    .throwIfAny();
            return clients.issueToken(request.getClientId(), request.getClientSecret());
        });
    }

    @Override
    @PermitAll
    public Uni<LogoutResponse> logout(LogoutRequest request) {
        return sessions.logout(request.getRefreshToken()).replaceWith(LogoutResponse.getDefaultInstance());
    }

    @Override
    @PermitAll
    public Uni<VerifyEmailResponse> verifyEmail(VerifyEmailRequest request) {
        return Uni.createFrom().deferred(() -> recovery.verifyEmail(request.getToken()))
                .map(account -> VerifyEmailResponse.newBuilder().setUser(UserMapper.toProto(account)).build());
    }

    @Override
    @PermitAll
    public Uni<RequestPasswordResetResponse> requestPasswordReset(RequestPasswordResetRequest request) {
        String client = ClientAddress.current();
        return Uni.createFrom().deferred(() -> recovery.requestPasswordReset(request.getEmail(), client))
                .replaceWith(RequestPasswordResetResponse.getDefaultInstance());
    }

    @Override
    @PermitAll
    public Uni<ResetPasswordResponse> resetPassword(ResetPasswordRequest request) {
        return Uni.createFrom().deferred(() -> recovery.resetPassword(request))
                .replaceWith(ResetPasswordResponse.getDefaultInstance());
    }
}
