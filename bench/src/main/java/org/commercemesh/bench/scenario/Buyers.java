package org.commercemesh.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.commercemesh.bench.Calls;
import org.commercemesh.bench.Mesh;
import org.commercemesh.bench.Mesh.Service;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.AddressServiceGrpc;
import org.commercemesh.user.v1.AuthServiceGrpc;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.RegisterRequest;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Customers for the checkout scenarios, signed in through the public API. The same e-mail
 * addresses every run (bench-buyer-N@example.com): an earlier run's buyers sign in again instead
 * of registering, so repeated runs do not meet the registration throttle.
 */
final class Buyers {

    static final String PASSWORD = "bench buyer password";

    private Buyers() {
    }

    /** One buyer's access token. */
    record Buyer(int number, String accessToken) {
    }

    static List<Buyer> signIn(Mesh mesh, int count) {
        AuthServiceGrpc.AuthServiceBlockingStub auth = AuthServiceGrpc.newBlockingStub(mesh.channel(Service.USER));
        List<Buyer> buyers = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            String email = "bench-buyer-" + n + "@example.com";
            String token = login(auth, email);
            if (token == null) {
                auth.withDeadlineAfter(30, TimeUnit.SECONDS).register(RegisterRequest.newBuilder().setEmail(email)
                        .setPassword(PASSWORD).setFirstName("Bench").setLastName("Buyer " + n).build());
                token = login(auth, email);
                Calls.as(AddressServiceGrpc.newBlockingStub(mesh.channel(Service.USER)), token)
                        .withDeadlineAfter(30, TimeUnit.SECONDS)
                        .createAddress(CreateAddressRequest.newBuilder().setAddress(Address.newBuilder()
                                .setRecipientName("Bench Buyer " + n).setLine1("1 Silom Rd").setCity("Bangkok")
                                .setPostalCode("10500").setCountryCode("TH")).build());
            }
            buyers.add(new Buyer(n, token));
        }
        return buyers;
    }

    private static String login(AuthServiceGrpc.AuthServiceBlockingStub auth, String email) {
        try {
            return auth.withDeadlineAfter(30, TimeUnit.SECONDS)
                    .login(LoginRequest.newBuilder().setEmail(email).setPassword(PASSWORD).build())
                    .getSession().getAccessToken();
        } catch (StatusRuntimeException refused) {
            if (refused.getStatus().getCode() == Status.Code.UNAUTHENTICATED) {
                return null;
            }
            throw refused;
        }
    }
}
