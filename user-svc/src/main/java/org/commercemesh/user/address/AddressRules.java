package org.commercemesh.user.address;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.fieldmask.UpdateMask;
import org.commercemesh.platform.status.ContractEnum;
import org.commercemesh.user.account.ProfileRules;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.AddressType;

import com.google.type.LatLng;

/** Validation of address fields and copying them onto the entity, for create and update alike. */
final class AddressRules {

    /** The fields that say where the address is: changing one moves geocoded coordinates. */
    static final Set<String> PLACE = Set.of("line1", "line2", "city", "region", "postal_code", "country_code");

    static final Set<String> UPDATABLE = Set.of("type", "label", "recipient_name", "phone", "line1", "line2",
            "city", "region", "postal_code", "country_code", "location", "delivery_instructions");
    private static final Pattern POSTAL_CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 -]{0,19}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private AddressRules() {
    }

    /** Validates the fields the mask names (every field on create) into {@code violations}. */
    static void validate(Address address, UpdateMask mask, Violations violations) {
        if (mask.has("type")) {
            violations.check(address.getType() != AddressType.UNRECOGNIZED, "address.type",
                    "is not a known address type");
        }
        if (mask.has("label")) {
            violations.optionalText("address.label", address.getLabel(), 50);
        }
        if (mask.has("recipient_name")) {
            violations.requireText("address.recipient_name", address.getRecipientName(), 1, 200);
        }
        if (mask.has("phone")) {
            ProfileRules.phone(violations, "address.phone", address.getPhone());
        }
        if (mask.has("line1")) {
            violations.requireText("address.line1", address.getLine1(), 1, 200);
        }
        if (mask.has("line2")) {
            violations.optionalText("address.line2", address.getLine2(), 200);
        }
        if (mask.has("city")) {
            violations.requireText("address.city", address.getCity(), 1, 100);
        }
        if (mask.has("region")) {
            violations.optionalText("address.region", address.getRegion(), 100);
        }
        if (mask.has("postal_code")) {
            violations.check(POSTAL_CODE.matcher(address.getPostalCode().strip()).matches(), "address.postal_code",
                    "must be 1 to 20 letters, digits, spaces or hyphens");
        }
        if (mask.has("country_code")) {
            violations.check(COUNTRIES.contains(address.getCountryCode()), "address.country_code",
                    "must be an upper-case ISO 3166-1 alpha-2 code, e.g. TH");
        }
        if (mask.has("delivery_instructions")) {
            violations.optionalText("address.delivery_instructions", address.getDeliveryInstructions(), 500);
        }
        if (mask.has("location") && address.hasLocation()) {
            LatLng location = address.getLocation();
            // Comparisons with NaN are false, so NaN is refused too.
            violations.check(location.getLatitude() >= -90 && location.getLatitude() <= 90,
                    "address.location.latitude", "must be between -90 and 90")
                    .check(location.getLongitude() >= -180 && location.getLongitude() <= 180,
                            "address.location.longitude", "must be between -180 and 180");
        }
    }

    /** Copies the fields the mask names onto the entity. */
    static void apply(Address address, UpdateMask mask, UserAddress entity) {
        if (mask.has("type")) {
            entity.type = ContractEnum.of(AddressKind.class, address.getType()).orElse(AddressKind.UNSPECIFIED);
        }
        if (mask.has("label")) {
            entity.label = address.getLabel().strip();
        }
        if (mask.has("recipient_name")) {
            entity.recipientName = address.getRecipientName().strip();
        }
        if (mask.has("phone")) {
            entity.phone = address.getPhone();
        }
        if (mask.has("line1")) {
            entity.line1 = address.getLine1().strip();
        }
        if (mask.has("line2")) {
            entity.line2 = address.getLine2().strip();
        }
        if (mask.has("delivery_instructions")) {
            entity.deliveryInstructions = address.getDeliveryInstructions().strip();
        }
        if (mask.has("city")) {
            entity.city = address.getCity().strip();
        }
        if (mask.has("region")) {
            entity.region = address.getRegion().strip();
        }
        if (mask.has("postal_code")) {
            entity.postalCode = address.getPostalCode().strip();
        }
        if (mask.has("country_code")) {
            entity.countryCode = address.getCountryCode();
        }
        boolean placeChanged = PLACE.stream().anyMatch(mask::has);
        if (mask.has("location") && address.hasLocation()) {
            entity.latitude = address.getLocation().getLatitude();
            entity.longitude = address.getLocation().getLongitude();
            entity.locationSource = LocationOrigin.CLIENT;
            entity.locationPrecision = LocationAccuracy.EXACT;
            entity.geocodeStatus = GeocodeState.NONE;
        } else if (mask.has("location") || placeChanged && entity.locationSource != LocationOrigin.CLIENT) {
            // No coordinates, or geocoded ones for lines that changed: geocode (again). The
            // client's own coordinates stay until the client changes them.
            entity.latitude = null;
            entity.longitude = null;
            entity.locationSource = null;
            entity.locationPrecision = null;
            entity.geocodeStatus = GeocodeState.PENDING;
            entity.geocodeAttempts = 0;
            entity.geocodeAfter = Instant.now();
        }
    }
}
