package org.commercemesh.platform.error;

import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.commercemesh.user.v1.CreateAddressResponse;
import org.commercemesh.user.v1.MutinyAddressServiceGrpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * A gRPC endpoint as services write them: validate with {@link Violations}, fail the Uni, and
 * let the platform's exception handler produce the status. Only CreateAddress is served.
 */
@GrpcService
public class AddressValidatingService extends MutinyAddressServiceGrpc.AddressServiceImplBase {

    @Override
    public Uni<CreateAddressResponse> createAddress(CreateAddressRequest request) {
        return Uni.createFrom().item(() -> {
            Address address = request.getAddress();
            Violations violations = new Violations()
                    .requireText("address.recipient_name", address.getRecipientName(), 1, 200)
                    .requireText("address.line1", address.getLine1(), 1, 200)
                    .check(address.getCountryCode().matches("[A-Z]{2}"), "address.country_code",
                            "must be an ISO 3166-1 alpha-2 code");
            violations.throwIfAny();
            if (address.getCity().equals("Atlantis")) {
                throw new FailedPreconditionException("UNDELIVERABLE", "we do not ship to Atlantis");
            }
            if (address.getCity().equals("Crash")) {
                throw new IllegalStateException("secret internals");
            }
            return CreateAddressResponse.newBuilder().setAddress(address).build();
        });
    }
}
