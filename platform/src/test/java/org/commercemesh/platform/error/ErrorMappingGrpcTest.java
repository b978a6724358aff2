package org.commercemesh.platform.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;

import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.AddressService;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ErrorMappingGrpcTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @GrpcClient("addresses")
    AddressService addresses;

    @Test
    void givenThreeInvalidFields_whenCalled_thenOneInvalidArgumentListsAllThree() {
        Address address = Address.newBuilder().setRecipientName(" ").setCountryCode("Thailand").build();

        Throwable failure = catchThrowable(() -> addresses.createAddress(
                CreateAddressRequest.newBuilder().setAddress(address).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.violatedFields(failure))
                .containsExactly("address.recipient_name", "address.line1", "address.country_code");
    }

    @Test
    void givenANulCharacter_whenCalled_thenInvalidArgumentNamesTheFieldAndTheServiceNeverRuns() {
        Address address = Address.newBuilder().setRecipientName("Ann").setLine1("1 Main\u0000St")
                .setCountryCode("TH").setCity("Crash").build();

        Throwable failure = catchThrowable(() -> addresses.createAddress(
                CreateAddressRequest.newBuilder().setAddress(address).build()).await().atMost(WAIT));

        // "Crash" would have made the service fail with INTERNAL had the request reached it.
        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(GrpcErrors.violatedFields(failure)).containsExactly("address.line1");
    }

    @Test
    void givenABusinessRuleRefusal_whenCalled_thenFailedPreconditionCarriesItsReason() {
        Address address = Address.newBuilder().setRecipientName("Ann").setLine1("1 Main St")
                .setCountryCode("TH").setCity("Atlantis").build();

        Throwable failure = catchThrowable(() -> addresses.createAddress(
                CreateAddressRequest.newBuilder().setAddress(address).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.reason(failure)).contains("UNDELIVERABLE");
    }

    @Test
    void givenAnUnexpectedBug_whenCalled_thenInternalWithoutTheExceptionText() {
        Address address = Address.newBuilder().setRecipientName("Ann").setLine1("1 Main St")
                .setCountryCode("TH").setCity("Crash").build();

        Throwable failure = catchThrowable(() -> addresses.createAddress(
                CreateAddressRequest.newBuilder().setAddress(address).build()).await().atMost(WAIT));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.INTERNAL);
        assertThat(Status.fromThrowable(failure).getDescription()).startsWith("internal error, incident ")
                .doesNotContain("secret");
    }

    @Test
    void givenAValidRequest_whenCalled_thenItSucceeds() {
        Address address = Address.newBuilder().setRecipientName("Ann").setLine1("1 Main St")
                .setCountryCode("TH").setCity("Bangkok").build();

        Address created = addresses.createAddress(CreateAddressRequest.newBuilder().setAddress(address).build())
                .await().atMost(WAIT).getAddress();

        assertThat(created.getCity()).isEqualTo("Bangkok");
    }
}
