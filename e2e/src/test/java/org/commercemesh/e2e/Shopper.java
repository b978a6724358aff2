package org.commercemesh.e2e;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.commercemesh.cart.v1.CartServiceGrpc;
import org.commercemesh.catalog.v1.InventoryServiceGrpc;
import org.commercemesh.catalog.v1.ProductServiceGrpc;
import org.commercemesh.order.v1.OrderServiceGrpc;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.AddressServiceGrpc;
import org.commercemesh.user.v1.AuthServiceGrpc;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.commercemesh.user.v1.LoginRequest;
import org.commercemesh.user.v1.RegisterRequest;
import org.commercemesh.user.v1.UserServiceGrpc;

import io.grpc.Metadata;
import io.grpc.stub.AbstractStub;
import io.grpc.stub.MetadataUtils;

/** A customer of the running mesh: registered, signed in, with a default address — all through the public API. */
final class Shopper {

    static final String PASSWORD = "correct horse battery";

    final String email;
    final String accessToken;
    private final Mesh mesh;

    private Shopper(Mesh mesh, String email, String accessToken) {
        this.mesh = mesh;
        this.email = email;
        this.accessToken = accessToken;
    }

    static Shopper register(Mesh mesh) {
        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        AuthServiceGrpc.AuthServiceBlockingStub auth = deadline(
                AuthServiceGrpc.newBlockingStub(mesh.channel("user-svc")));
        auth.register(RegisterRequest.newBuilder().setEmail(email).setPassword(PASSWORD).setFirstName("Erin").build());
        String token = auth.login(LoginRequest.newBuilder().setEmail(email).setPassword(PASSWORD).build())
                .getSession().getAccessToken();
        Shopper shopper = new Shopper(mesh, email, token);
        shopper.addresses().createAddress(CreateAddressRequest.newBuilder().setAddress(Address.newBuilder()
                .setRecipientName("Erin").setLine1("99 Rama IV Rd").setCity("Bangkok").setPostalCode("10330")
                .setCountryCode("TH")).build());
        return shopper;
    }

    AddressServiceGrpc.AddressServiceBlockingStub addresses() {
        return as(AddressServiceGrpc.newBlockingStub(mesh.channel("user-svc")));
    }

    UserServiceGrpc.UserServiceBlockingStub account() {
        return as(UserServiceGrpc.newBlockingStub(mesh.channel("user-svc")));
    }

    ProductServiceGrpc.ProductServiceBlockingStub products() {
        return as(ProductServiceGrpc.newBlockingStub(mesh.channel("catalog-svc")));
    }

    InventoryServiceGrpc.InventoryServiceBlockingStub inventory() {
        return as(InventoryServiceGrpc.newBlockingStub(mesh.channel("catalog-svc")));
    }

    CartServiceGrpc.CartServiceBlockingStub cart() {
        return as(CartServiceGrpc.newBlockingStub(mesh.channel("cart-svc")));
    }

    OrderServiceGrpc.OrderServiceBlockingStub orders() {
        return as(OrderServiceGrpc.newBlockingStub(mesh.channel("order-svc")));
    }

    private <S extends AbstractStub<S>> S as(S stub) {
        return withToken(stub, accessToken);
    }

    static <S extends AbstractStub<S>> S withToken(S stub, String token) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
        return deadline(stub).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    static <S extends AbstractStub<S>> S deadline(S stub) {
        return stub.withDeadlineAfter(20, TimeUnit.SECONDS);
    }
}
