package org.commercemesh.user.geocoding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;
import static org.commercemesh.user.TestAccounts.WAIT;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.commercemesh.testing.auth.TestTokens;
import org.commercemesh.testing.grpc.GrpcErrors;
import org.commercemesh.user.TestAccounts;
import org.commercemesh.user.TestAccounts.SignedIn;
import org.commercemesh.user.geocoding.NominatimApi.Known;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.AddressService;
import org.commercemesh.user.v1.AuthService;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.commercemesh.user.v1.GetAddressRequest;
import org.commercemesh.user.v1.ListAddressesNearRequest;
import org.commercemesh.user.v1.LocationPrecision;
import org.commercemesh.user.v1.LocationSource;
import org.commercemesh.user.v1.NearbyAddress;
import org.commercemesh.user.v1.UpdateAddressRequest;
import org.junit.jupiter.api.Test;

import com.google.protobuf.FieldMask;
import com.google.type.LatLng;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class GeocodingTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @GrpcClient("user")
    AuthService auth;

    @GrpcClient("user")
    AddressService addresses;

    @Test
    void givenAnAddressSavedWithoutCoordinates_thenItIsGeocodedAfterwards_withSourceAndPrecision() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String street = street();
        NominatimApi.knows(street, new Known(13.7437, 100.5486, "building"));

        Address saved = create(ann, address(street));

        assertThat(saved.hasLocation()).as("the save does not wait for the geocoder").isFalse();
        Address geocoded = awaitLocated(ann, saved.getId());
        assertThat(geocoded.getLocation()).isEqualTo(point(13.7437, 100.5486));
        assertThat(geocoded.getLocationSource()).isEqualTo(LocationSource.LOCATION_SOURCE_GEOCODER);
        assertThat(geocoded.getLocationPrecision()).isEqualTo(LocationPrecision.LOCATION_PRECISION_BUILDING);
        assertThat(NominatimApi.askedAbout(street)).singleElement().satisfies(query -> {
            assertThat(query).containsEntry("city", "Bangkok").containsEntry("postalcode", "10330")
                    .containsEntry("countrycodes", "th");
        });
    }

    @Test
    void givenCoordinatesFromTheClient_thenTheyWin_andTheGeocoderIsNeverAsked() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String street = street();
        NominatimApi.knows(street, new Known(1, 1, "building"));
        String sentinel = street();
        NominatimApi.knows(sentinel, new Known(13.7, 100.5, "road"));

        Address own = create(ann, address(street).toBuilder().setLocation(point(13.75, 100.5)).build());
        Address other = create(ann, address(sentinel));

        assertThat(awaitLocated(ann, other.getId()).getLocationPrecision())
                .isEqualTo(LocationPrecision.LOCATION_PRECISION_STREET);
        Address kept = get(ann, own.getId());
        assertThat(kept.getLocation()).isEqualTo(point(13.75, 100.5));
        assertThat(kept.getLocationSource()).isEqualTo(LocationSource.LOCATION_SOURCE_CLIENT);
        assertThat(kept.getLocationPrecision()).isEqualTo(LocationPrecision.LOCATION_PRECISION_EXACT);
        assertThat(NominatimApi.askedAbout(street)).isEmpty();
    }

    @Test
    void givenAGeocodedStreetThatChanges_thenTheOldCoordinatesGoAndTheNewStreetIsGeocoded() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String first = street();
        String second = street();
        NominatimApi.knows(first, new Known(13.1, 100.1, "building"));
        NominatimApi.knows(second, new Known(13.2, 100.2, "postcode"));
        Address saved = create(ann, address(first));
        awaitLocated(ann, saved.getId());

        Address moved = ann.as(addresses).updateAddress(UpdateAddressRequest.newBuilder()
                .setAddress(Address.newBuilder().setId(saved.getId()).setLine1(second))
                .setUpdateMask(FieldMask.newBuilder().addPaths("line1")).build()).await().atMost(WAIT).getAddress();

        assertThat(moved.hasLocation()).isFalse();
        await().atMost(EVENTUALLY).until(() -> get(ann, saved.getId()).getLocation().equals(point(13.2, 100.2)));
        assertThat(get(ann, saved.getId()).getLocationPrecision())
                .isEqualTo(LocationPrecision.LOCATION_PRECISION_POSTAL_CODE);
    }

    @Test
    void givenTheGeocoderDown_thenTheSaveStillSucceeds_andTheAddressIsGeocodedOnceItIsBack() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String street = street();
        NominatimApi.knows(street, new Known(13.3, 100.3, "road"));

        NominatimApi.outage(true);
        Address saved;
        try {
            saved = create(ann, address(street));
            await().atMost(EVENTUALLY).until(() -> NominatimApi.askedAbout(street).size() >= 1);
        } finally {
            NominatimApi.outage(false);
        }

        String id = saved.getId();
        await().atMost(EVENTUALLY).until(() -> get(ann, id).hasLocation());
        assertThat(NominatimApi.askedAbout(street).size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void givenAPlaceTheGeocoderDoesNotKnow_thenTheAddressKeepsNoCoordinates_andIsNotAskedAgain() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        String unknown = street();
        String sentinel = street();
        NominatimApi.knows(sentinel, new Known(13.4, 100.4, "city"));

        Address nowhere = create(ann, address(unknown));
        Address somewhere = create(ann, address(sentinel));

        awaitLocated(ann, somewhere.getId());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6))
                .until(() -> NominatimApi.askedAbout(unknown).size() == 1);
        assertThat(get(ann, nowhere.getId()).hasLocation()).isFalse();
        assertThat(get(ann, nowhere.getId()).getLocationSource()).isEqualTo(LocationSource.LOCATION_SOURCE_UNSPECIFIED);
    }

    @Test
    void givenAddressesAroundAPoint_whenAnAdminAsksForTheNearOnes_thenTheyComeNearestFirst_withinTheRadius() {
        SignedIn ann = TestAccounts.registerAndLogin(auth);
        SignedIn ben = TestAccounts.registerAndLogin(auth);
        // Around a point in the open sea, so no other test's address is near it.
        double lat = -40.5;
        double lon = -120.5;
        Address here = create(ann, address(street()).toBuilder().setLocation(point(lat, lon)).build());
        Address fiveKm = create(ben, address(street()).toBuilder().setLocation(point(lat + 0.045, lon)).build());
        create(ann, address(street()).toBuilder().setLocation(point(lat + 0.45, lon)).build());

        AddressService admin = TestTokens.withToken(addresses, TestTokens.admin(UUID.randomUUID()));
        List<NearbyAddress> near = admin.listAddressesNear(ListAddressesNearRequest.newBuilder()
                .setPoint(point(lat, lon)).setRadiusMeters(10_000).build()).await().atMost(WAIT).getAddressesList();
        List<NearbyAddress> annsOnly = admin.listAddressesNear(ListAddressesNearRequest.newBuilder()
                .setPoint(point(lat, lon)).setRadiusMeters(10_000).setUserId(ann.userId().toString()).build())
                .await().atMost(WAIT).getAddressesList();

        assertThat(near).extracting(nearby -> nearby.getAddress().getId()).containsExactly(here.getId(),
                fiveKm.getId());
        assertThat(near.get(0).getDistanceMeters()).isLessThan(1);
        assertThat(near.get(1).getDistanceMeters()).isBetween(4_900.0, 5_100.0);
        assertThat(near.get(1).getUserId()).isEqualTo(ben.userId().toString());
        assertThat(annsOnly).extracting(nearby -> nearby.getAddress().getId()).containsExactly(here.getId());
        assertThat(GrpcErrors.code(catchThrowable(() -> ann.as(addresses).listAddressesNear(
                ListAddressesNearRequest.newBuilder().setPoint(point(lat, lon)).setRadiusMeters(10).build())
                .await().atMost(WAIT)))).isEqualTo(Status.Code.PERMISSION_DENIED);
        assertThat(GrpcErrors.violatedFields(catchThrowable(() -> admin.listAddressesNear(
                ListAddressesNearRequest.newBuilder().setPoint(point(95, 0)).setRadiusMeters(0).build())
                .await().atMost(WAIT)))).containsExactlyInAnyOrder("point.latitude", "radius_meters");
    }

    private Address awaitLocated(SignedIn who, String id) {
        await().atMost(EVENTUALLY).until(() -> get(who, id).hasLocation());
        return get(who, id);
    }

    private Address create(SignedIn who, Address address) {
        return who.as(addresses).createAddress(CreateAddressRequest.newBuilder().setAddress(address).build())
                .await().atMost(WAIT).getAddress();
    }

    private Address get(SignedIn who, String id) {
        return who.as(addresses).getAddress(GetAddressRequest.newBuilder().setAddressId(id).build())
                .await().atMost(WAIT).getAddress();
    }

    private static Address address(String street) {
        return Address.newBuilder().setRecipientName("Ann").setLine1(street).setCity("Bangkok")
                .setPostalCode("10330").setCountryCode("TH").build();
    }

    private static String street() {
        return UUID.randomUUID().toString().substring(0, 8) + " Rama IV Rd";
    }

    private static LatLng point(double latitude, double longitude) {
        return LatLng.newBuilder().setLatitude(latitude).setLongitude(longitude).build();
    }
}
