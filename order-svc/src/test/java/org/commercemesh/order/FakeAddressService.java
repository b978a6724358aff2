package org.commercemesh.order;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.platform.auth.Roles;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.GetAddressRequest;
import org.commercemesh.user.v1.GetAddressResponse;
import org.commercemesh.user.v1.ListAddressesRequest;
import org.commercemesh.user.v1.ListAddressesResponse;
import org.commercemesh.user.v1.MutinyAddressServiceGrpc;

import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** Stands in for user-svc's AddressService: the buyer's addresses only; any other id is NOT_FOUND. */
@GrpcService
public class FakeAddressService extends MutinyAddressServiceGrpc.AddressServiceImplBase {

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<GetAddressResponse> getAddress(GetAddressRequest request) {
        Address address = FakeMesh.ADDRESSES.get(request.getAddressId());
        return address == null
                ? Uni.createFrom()
                        .failure(Status.NOT_FOUND.withDescription("address " + request.getAddressId() + " not found")
                                .asRuntimeException())
                : Uni.createFrom().item(GetAddressResponse.newBuilder().setAddress(address).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<ListAddressesResponse> listAddresses(ListAddressesRequest request) {
        ListAddressesResponse.Builder response = ListAddressesResponse.newBuilder();
        Address preferred = FakeMesh.ADDRESSES.get(FakeMesh.defaultAddressId);
        if (preferred != null) {
            response.addAddresses(preferred);
        }
        return Uni.createFrom().item(response.build());
    }
}
