package org.commercemesh.user.auth;

import jakarta.annotation.security.PermitAll;

import org.commercemesh.platform.grpc.ClientAddress;
import org.commercemesh.user.account.AccountService;
import org.commercemesh.user.account.UserMapper;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.LoginResponse;
import org.commercemesh.user.v1.LogoutRequest;
import org.commercemesh.user.v1.LogoutResponse;
import org.commercemesh.user.v1.RefreshTokenRequest;
import org.commercemesh.user.v1.RefreshTokenResponse;
import org.commercemesh.user.v1.RegisterRequest;
import org.commercemesh.user.v1.RegisterResponse;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.user.v1.AuthService: the RPCs a caller uses before it has an access token. */
@GrpcService
@PermitAll
public class AuthGrpcService implements AuthService {

    private final AccountService accounts;
    private final LoginService logins;
    private final SessionService sessions;

    public AuthGrpcService(AccountService accounts, LoginService logins, SessionService sessions) {
        this.accounts = accounts;
        this.logins = logins;
        this.sessions = sessions;
    }

    @Override
    public Uni<RegisterResponse> register(RegisterRequest request) {
        String client = ClientAddress.current();
        return Uni.createFrom().deferred(() -> accounts.register(request, client))
                .map(account -> RegisterResponse.newBuilder().setUser(UserMapper.toProto(account)).build());
    }

    @Override
    public Uni<LoginResponse> login(LoginRequest request) {
        String client = ClientAddress.current();
        return Uni.createFrom().deferred(() -> logins.login(request, client))
                .map(session -> LoginResponse.newBuilder().setSession(session).build());
    }

    @Override
    public Uni<RefreshTokenResponse> refreshToken(RefreshTokenRequest request) {
        return sessions.rotate(request.getRefreshToken())
                .map(session -> RefreshTokenResponse.newBuilder().setSession(session).build());
    }

    @Override
    public Uni<LogoutResponse> logout(LogoutRequest request) {
        return sessions.logout(request.getRefreshToken()).replaceWith(LogoutResponse.getDefaultInstance());
    }
}
