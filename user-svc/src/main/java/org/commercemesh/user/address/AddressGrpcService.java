package org.commercemesh.user.address;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import org.commercemesh.platform.auth.Caller;
import org.commercemesh.platform.auth.Roles;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.paging.PageRequest;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.commercemesh.user.v1.CreateAddressResponse;
import org.commercemesh.user.v1.DeleteAddressRequest;
import org.commercemesh.user.v1.DeleteAddressResponse;
import org.commercemesh.user.v1.GetAddressRequest;
import org.commercemesh.user.v1.GetAddressResponse;
import org.commercemesh.user.v1.ListAddressesNearRequest;
import org.commercemesh.user.v1.ListAddressesNearResponse;
import org.commercemesh.user.v1.ListAddressesRequest;
import org.commercemesh.user.v1.ListAddressesResponse;
import org.commercemesh.user.v1.NearbyAddress;
import org.commercemesh.user.v1.SetDefaultAddressRequest;
import org.commercemesh.user.v1.SetDefaultAddressResponse;
import org.commercemesh.user.v1.UpdateAddressRequest;
import org.commercemesh.user.v1.UpdateAddressResponse;

import com.google.type.LatLng;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** commerce.user.v1.AddressService: the caller's own addresses; admins and services may search near a point. */
@GrpcService
public class AddressGrpcService implements org.commercemesh.user.v1.AddressService {

    private final AddressService addresses;
    private final Caller caller;

    public AddressGrpcService(AddressService addresses, Caller caller) {
        this.addresses = addresses;
        this.caller = caller;
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<CreateAddressResponse> createAddress(CreateAddressRequest request) {
        return caller.current().chain(me -> addresses.create(me.userId(), request.getAddress()))
                .map(entity -> CreateAddressResponse.newBuilder().setAddress(AddressMapper.toProto(entity)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<GetAddressResponse> getAddress(GetAddressRequest request) {
        return caller.current().chain(me -> addresses.get(me.userId(), addressId(request.getAddressId())))
                .map(entity -> GetAddressResponse.newBuilder().setAddress(AddressMapper.toProto(entity)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<ListAddressesResponse> listAddresses(ListAddressesRequest request) {
        return caller.current().chain(me -> {
            Violations violations = new Violations();
            PageRequest page = PageRequest.of(request.getPageSize(), request.getPageToken(), 1, violations);
            violations.throwIfAny();
            int offset = page.isFirstPage() ? 0 : page.intAt(0);
            return addresses.list(me.userId(), offset, page.size() + 1)
                    .map(fetched -> toResponse(page, offset, fetched));
        });
    }

    @Override
    @RolesAllowed({ Roles.ADMIN, Roles.SERVICE })
    public Uni<ListAddressesNearResponse> listAddressesNear(ListAddressesNearRequest request) {
        return Uni.createFrom().deferred(() -> {
            Violations violations = new Violations();
            LatLng point = request.getPoint();
            violations.check(request.hasPoint(), "point", "is required")
                    .check(point.getLatitude() >= -90 && point.getLatitude() <= 90, "point.latitude",
                            "must be between -90 and 90")
                    .check(point.getLongitude() >= -180 && point.getLongitude() <= 180, "point.longitude",
                            "must be between -180 and 180")
                    .range("radius_meters", request.getRadiusMeters(), 1, 100_000)
                    .optionalUuid("user_id", request.getUserId());
            int size = request.getPageSize() == 0 ? PageRequest.DEFAULT_SIZE : request.getPageSize();
            violations.range("page_size", size, 1, PageRequest.MAX_SIZE);
            violations.throwIfAny();
            return addresses.near(point.getLatitude(), point.getLongitude(), request.getRadiusMeters(),
                    request.getUserId().isEmpty() ? null : UUID.fromString(request.getUserId()), size);
        }).map(found -> {
            ListAddressesNearResponse.Builder response = ListAddressesNearResponse.newBuilder();
            found.forEach(nearby -> response.addAddresses(NearbyAddress.newBuilder()
                    .setAddress(AddressMapper.toProto(nearby.address()))
                    .setUserId(nearby.address().userId.toString())
                    .setDistanceMeters(nearby.distanceMeters())));
            return response.build();
        });
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<UpdateAddressResponse> updateAddress(UpdateAddressRequest request) {
        return caller.current().chain(me -> addresses.update(me.userId(), request))
                .map(entity -> UpdateAddressResponse.newBuilder().setAddress(AddressMapper.toProto(entity)).build());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<DeleteAddressResponse> deleteAddress(DeleteAddressRequest request) {
        return caller.current().chain(me -> addresses.delete(me.userId(), addressId(request.getAddressId())))
                .replaceWith(DeleteAddressResponse.getDefaultInstance());
    }

    @Override
    @RolesAllowed({ Roles.CUSTOMER, Roles.ADMIN })
    public Uni<SetDefaultAddressResponse> setDefaultAddress(SetDefaultAddressRequest request) {
        return caller.current().chain(me -> addresses.setDefault(me.userId(), addressId(request.getAddressId())))
                .map(entity -> SetDefaultAddressResponse.newBuilder().setAddress(AddressMapper.toProto(entity))
                        .build());
    }

    private static UUID addressId(String value) {
        new Violations().requireUuid("address_id", value).throwIfAny();
        return UUID.fromString(value);
    }

    private static ListAddressesResponse toResponse(PageRequest page, int offset, List<UserAddress> fetched) {
        List<UserAddress> served = page.pageOf(fetched);
        ListAddressesResponse.Builder response = ListAddressesResponse.newBuilder();
        served.forEach(entity -> response.addAddresses(AddressMapper.toProto(entity)));
        if (page.hasMore(fetched)) {
            response.setNextPageToken(PageRequest.tokenAfter(String.valueOf(offset + served.size())));
        }
        return response.build();
    }
}
