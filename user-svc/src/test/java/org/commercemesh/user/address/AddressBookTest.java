package org.commercemesh.user.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.util.List;
import java.util.function.Supplier;

import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.AddressService;
import org.commercemesh.user.v1.AddressType;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.commercemesh.user.v1.DeleteAddressRequest;
import org.commercemesh.user.v1.GetAddressRequest;
import org.commercemesh.user.v1.ListAddressesRequest;
import org.commercemesh.user.v1.ListAddressesResponse;
import org.commercemesh.user.v1.SetDefaultAddressRequest;
import org.commercemesh.user.v1.UpdateAddressRequest;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;
import com.google.type.LatLng;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AddressBookTest {

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    AddressService addresses;

    @Test
    void givenNoAddresses_whenTwoAreAdded_thenTheFirstIsTheDefaultAndListsFirst() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Address home = create(ann, home("Home"));
        Address office = create(ann, home("Office").setType(AddressType.ADDRESS_TYPE_BILLING)
                .setLocation(LatLng.newBuilder().setLatitude(13.7367).setLongitude(100.5232)));

        assertThat(home.getIsDefault()).isTrue();
        assertThat(office.getIsDefault()).isFalse();
        assertThat(office.getLocation().getLatitude()).isEqualTo(13.7367);
        assertThat(list(ann)).extracting(Address::getLabel).containsExactly("Home", "Office");
    }

    @Test
    void givenEveryFieldInvalid_whenCreating_thenEveryViolationIsListed() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Throwable failure = catchThrowable(() -> create(ann, Address.newBuilder()
                .setLabel("x".repeat(51))
                .setDeliveryInstructions("x".repeat(501))
                .setPhone("12345")
                .setPostalCode("!!")
                .setCountryCode("th")
                .setLocation(LatLng.newBuilder().setLatitude(91).setLongitude(-181))));

        assertThat(GrpcErrors.violatedFields(failure)).containsExactlyInAnyOrder("address.label",
                "address.delivery_instructions", "address.recipient_name",
                "address.phone", "address.line1", "address.city", "address.postal_code", "address.country_code",
                "address.location.latitude", "address.location.longitude");
    }

    @Test
    void givenAWorkAddressWithDeliveryInstructions_whenCreatedAndUpdated_thenBothAreKeptAndChangedByTheMask() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Address work = create(ann, home("Office").setType(AddressType.ADDRESS_TYPE_WORK)
                .setDeliveryInstructions("  Leave it with the concierge on the ground floor  "));
        Address updated = ann.as(addresses).updateAddress(UpdateAddressRequest.newBuilder()
                .setAddress(Address.newBuilder().setId(work.getId()).setType(AddressType.ADDRESS_TYPE_OTHER)
                        .setDeliveryInstructions("Gate code 4711"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("delivery_instructions"))
                .build()).await().atMost(WAIT).getAddress();

        assertThat(work.getType()).isEqualTo(AddressType.ADDRESS_TYPE_WORK);
        assertThat(work.getDeliveryInstructions()).isEqualTo("Leave it with the concierge on the ground floor");
        assertThat(updated.getDeliveryInstructions()).isEqualTo("Gate code 4711");
        assertThat(updated.getType()).as("not in the mask").isEqualTo(AddressType.ADDRESS_TYPE_WORK);
        assertThat(list(ann)).extracting(Address::getDeliveryInstructions).containsExactly("Gate code 4711");
    }

    @Test
    void givenTwentyAddresses_whenAddingAnother_thenFailedPrecondition() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        for (int i = 0; i < 20; i++) {
            create(ann, home("Address " + i));
        }

        Throwable failure = catchThrowable(() -> create(ann, home("One too many")));

        assertThat(GrpcErrors.code(failure)).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(GrpcErrors.reason(failure)).contains("ADDRESS_LIMIT_REACHED");
        ListAddressesResponse firstPage = ann.as(addresses).listAddresses(ListAddressesRequest.newBuilder()
                .setPageSize(15).build()).await().atMost(WAIT);
        ListAddressesResponse secondPage = ann.as(addresses).listAddresses(ListAddressesRequest.newBuilder()
                .setPageSize(15).setPageToken(firstPage.getNextPageToken()).build()).await().atMost(WAIT);
        assertThat(firstPage.getAddressesCount() + secondPage.getAddressesCount()).isEqualTo(20);
        assertThat(secondPage.getNextPageToken()).isEmpty();
    }

    @Test
    void givenAMask_whenUpdating_thenOnlyNamedFieldsChangeAndLocationCanBeCleared() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        Address home = create(ann, home("Home").setLocation(LatLng.newBuilder().setLatitude(1).setLongitude(2)));

        Address updated = ann.as(addresses).updateAddress(UpdateAddressRequest.newBuilder()
                .setAddress(Address.newBuilder().setId(home.getId()).setCity("Chiang Mai").setLine1("ignored"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("city").addPaths("location"))
                .build()).await().atMost(WAIT).getAddress();

        assertThat(updated.getCity()).isEqualTo("Chiang Mai");
        assertThat(updated.getLine1()).isEqualTo(home.getLine1());
        assertThat(updated.hasLocation()).isFalse();
    }

    @Test
    void givenTheDefaultIsDeleted_thenTheMostRecentlyUpdatedRemainingAddressBecomesDefault() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        Address first = create(ann, home("First"));
        Address second = create(ann, home("Second"));
        create(ann, home("Third"));
        ann.as(addresses).updateAddress(UpdateAddressRequest.newBuilder()
                .setAddress(Address.newBuilder().setId(second.getId()).setLabel("Second, touched"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("label")).build()).await().atMost(WAIT);

        ann.as(addresses).deleteAddress(DeleteAddressRequest.newBuilder().setAddressId(first.getId()).build())
                .await().atMost(WAIT);

        List<Address> remaining = list(ann);
        assertThat(remaining).extracting(Address::getLabel).containsExactly("Second, touched", "Third");
        assertThat(remaining.get(0).getIsDefault()).isTrue();
        assertThat(remaining.stream().filter(Address::getIsDefault)).hasSize(1);
    }

    @Test
    void givenAnotherAddress_whenSetAsDefault_thenItIsTheOnlyDefault() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        create(ann, home("First"));
        Address second = create(ann, home("Second"));

        Address made = ann.as(addresses).setDefaultAddress(SetDefaultAddressRequest.newBuilder()
                .setAddressId(second.getId()).build()).await().atMost(WAIT).getAddress();

        assertThat(made.getIsDefault()).isTrue();
        assertThat(list(ann)).filteredOn(Address::getIsDefault).extracting(Address::getId)
                .containsExactly(second.getId());
    }

    @Test
    void givenAnotherUsersAddress_whenTouchedThroughEveryRpc_thenNotFoundAndItIsUnchanged() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        SignedIn bob = TestAccounts.registerAndLogin(auth);
        Address annsHome = create(ann, home("Ann's home"));
        AddressService asBob = bob.as(addresses);

        List<Supplier<Object>> attempts = List.of(
                () -> asBob.getAddress(GetAddressRequest.newBuilder().setAddressId(annsHome.getId()).build()).await()
                        .atMost(WAIT),
                () -> asBob.updateAddress(UpdateAddressRequest.newBuilder()
                        .setAddress(Address.newBuilder().setId(annsHome.getId()).setCity("Stolen"))
                        .setUpdateMask(FieldMask.newBuilder().addPaths("city")).build()).await().atMost(WAIT),
                () -> asBob.deleteAddress(DeleteAddressRequest.newBuilder().setAddressId(annsHome.getId()).build())
                        .await().atMost(WAIT),
                () -> asBob
                        .setDefaultAddress(SetDefaultAddressRequest.newBuilder().setAddressId(annsHome.getId()).build())
                        .await().atMost(WAIT));

        for (Supplier<Object> attempt : attempts) {
            assertThat(GrpcErrors.code(catchThrowable(attempt::get))).isEqualTo(Status.Code.NOT_FOUND);
        }
        assertThat(
                asBob.listAddresses(ListAddressesRequest.getDefaultInstance()).await().atMost(WAIT).getAddressesList())
                .isEmpty();
        assertThat(list(ann)).singleElement().satisfies(address -> {
            assertThat(address.getCity()).isEqualTo("Bangkok");
            assertThat(address.getIsDefault()).isTrue();
        });
    }

    @Test
    void givenAMalformedId_whenGettingAnAddress_thenInvalidArgument() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);

        Throwable failure = catchThrowable(() -> ann.as(addresses).getAddress(GetAddressRequest.newBuilder()
                .setAddressId("42").build()).await().atMost(WAIT));

        assertThat(GrpcErrors.violatedFields(failure)).containsExactly("address_id");
    }

    private Address create(SignedIn user, Address.Builder address) {
        return user.as(addresses).createAddress(CreateAddressRequest.newBuilder().setAddress(address).build())
                .await().atMost(WAIT).getAddress();
    }

    private List<Address> list(SignedIn user) {
        return user.as(addresses).listAddresses(ListAddressesRequest.getDefaultInstance()).await().atMost(WAIT)
                .getAddressesList();
    }

    private static Address.Builder home(String label) {
        return Address.newBuilder().setType(AddressType.ADDRESS_TYPE_SHIPPING).setLabel(label)
                .setRecipientName("Ann Lee")
                .setPhone("+66812345678").setLine1("1 Sukhumvit Rd").setCity("Bangkok").setPostalCode("10110")
                .setCountryCode("TH");
    }
}
