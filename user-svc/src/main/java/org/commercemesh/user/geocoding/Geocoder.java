package org.commercemesh.user.geocoding;

import java.util.Optional;

import org.commercemesh.user.address.LocationAccuracy;

import io.smallrye.mutiny.Uni;

/** Turns an address into coordinates; empty when the provider knows no such place, a failure when it could not answer. */
public interface Geocoder {

    /** The parts of an address a geocoder searches by. */
    record Place(String street, String city, String region, String postalCode, String countryCode) {
    }

    /** Where the provider put it, and how precisely. */
    record Point(double latitude, double longitude, LocationAccuracy precision) {
    }

    Uni<Optional<Point>> geocode(Place place);
}
