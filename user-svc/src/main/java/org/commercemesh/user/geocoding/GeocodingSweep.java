package org.commercemesh.user.geocoding;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.commercemesh.user.address.AddressRepository;
import org.commercemesh.user.address.GeocodeState;
import org.commercemesh.user.address.LocationOrigin;
import org.commercemesh.user.address.UserAddress;
import org.commercemesh.user.geocoding.Geocoder.Place;
import org.commercemesh.user.geocoding.Geocoder.Point;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Geocodes addresses saved without coordinates, after their save committed: a save never waits
 * for the provider nor fails with it. Each sweep claims a few due addresses (skipping any another
 * replica holds, leasing them for a while), asks the provider outside any transaction, and writes
 * the answer only if the address did not change meanwhile. A failing provider is asked again with
 * growing pauses, five times in all.
 */
@ApplicationScoped
public class GeocodingSweep {

    static final int MAX_ATTEMPTS = 5;
    private static final int BATCH = 10;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final Logger LOG = Logger.getLogger(GeocodingSweep.class);

    /** What was asked about one address: its place as it stood, and when it last changed. */
    record Claim(UUID addressId, Instant updatedAt, int attempt, Place place) {
    }

    private final AddressRepository addresses;
    private final Geocoders geocoders;
    private final Duration firstPause;

    public GeocodingSweep(AddressRepository addresses, Geocoders geocoders,
            @ConfigProperty(name = "commerce.geocoding.retry-pause") Duration firstPause) {
        this.addresses = addresses;
        this.geocoders = geocoders;
        this.firstPause = firstPause;
    }

    @Scheduled(every = "${commerce.geocoding.sweep-every}", delayed = "3s", concurrentExecution = ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Optional<Geocoder> geocoder = geocoders.selected();
        if (geocoder.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now();
        return Panache.withTransaction(() -> addresses.lockDueForGeocoding(now, BATCH).map(due -> due.stream()
                .map(address -> claim(address, now)).toList()))
                .onItem().transformToMulti(claims -> Multi.createFrom().iterable(claims))
                .onItem().transformToUniAndConcatenate(claim -> geocode(geocoder.get(), claim))
                .collect().last().replaceWithVoid();
    }

    private static Claim claim(UserAddress address, Instant now) {
        address.geocodeAttempts++;
        address.geocodeAfter = now.plus(LEASE);
        // line2 (floor, unit) means nothing to a geocoder.
        return new Claim(address.id, address.updatedAt, address.geocodeAttempts,
                new Place(address.line1, address.city, address.region, address.postalCode, address.countryCode));
    }

    private Uni<Void> geocode(Geocoder geocoder, Claim claim) {
        return geocoder.geocode(claim.place())
                .onItemOrFailure().transformToUni((found, failure) -> Panache.withTransaction(
                        () -> addresses.lock(claim.addressId()).invoke(address -> record(address, claim, found,
                                failure))))
                .replaceWithVoid();
    }

    private void record(UserAddress address, Claim claim, Optional<Point> found, Throwable failure) {
        if (address == null || address.deletedAt != null || address.geocodeStatus != GeocodeState.PENDING
                || !address.updatedAt.equals(claim.updatedAt())) {
            return;
        }
        if (failure != null) {
            boolean last = claim.attempt() >= MAX_ATTEMPTS;
            LOG.warnf("Geocoding address %s failed (attempt %d of %d): %s", claim.addressId(), claim.attempt(),
                    MAX_ATTEMPTS, failure.getMessage());
            if (last) {
                address.geocodeStatus = GeocodeState.FAILED;
            } else {
                address.geocodeAfter = Instant.now()
                        .plus(firstPause.multipliedBy((long) Math.pow(4, claim.attempt() - 1)));
            }
            return;
        }
        if (found.isEmpty()) {
            address.geocodeStatus = GeocodeState.NOT_FOUND;
            return;
        }
        address.latitude = found.get().latitude();
        address.longitude = found.get().longitude();
        address.locationSource = LocationOrigin.GEOCODER;
        address.locationPrecision = found.get().precision();
        address.geocodeStatus = GeocodeState.DONE;
    }
}
