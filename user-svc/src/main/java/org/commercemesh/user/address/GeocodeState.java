package org.commercemesh.user.address;

/** Where an address stands with the geocoder (user_address.geocode_status). */
public enum GeocodeState {
    /** Nothing to do: the client gave coordinates. */
    NONE,
    /** Waiting for the geocoder, from {@code geocode_after} on. */
    PENDING,
    /** Geocoded. */
    DONE,
    /** The geocoder knows no such place; tried again only when the address changes. */
    NOT_FOUND,
    /** The geocoder failed every attempt; tried again only when the address changes. */
    FAILED
}
