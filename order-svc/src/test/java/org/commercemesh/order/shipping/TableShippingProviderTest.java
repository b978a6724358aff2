package org.commercemesh.order.shipping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.commercemesh.order.shipping.ShippingProvider.Offer;
import org.commercemesh.order.shipping.ShippingTable.Tier;
import org.commercemesh.order.v1.AddressSnapshot;
import org.junit.jupiter.api.Test;

class TableShippingProviderTest {

    private final TableShippingProvider provider = new TableShippingProvider(new ShippingTable() {
        @Override
        public String originCountry() {
            return "TH";
        }

        @Override
        public Map<String, Map<String, Tier>> zones() {
            return Map.of("domestic", Map.of("standard", tier(50, 20, 3), "express", tier(120, 30, 1)),
                    "international", Map.of("standard", tier(450, 150, 10)));
        }
    });

    @Test
    void givenALightButBulkyParcel_thenTheDimensionalWeightIsCharged_perStartedKilogram() {
        // 1 kg of pillows in a 40 × 30 × 25 cm box: 30000 cm³ ÷ 5000 = 6 kg dimensional.
        Parcel pillows = new Parcel(1_000, 400L * 300 * 250);

        List<Offer> offers = quote(pillows, "TH");

        assertThat(pillows.chargeableGrams()).isEqualTo(6_000);
        assertThat(offers).extracting(Offer::service).containsExactly("STANDARD", "EXPRESS");
        assertThat(offers).extracting(offer -> offer.amount().value())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("150"), new BigDecimal("270"));
        assertThat(offers).extracting(Offer::estimatedDays).containsExactly(3, 1);
    }

    @Test
    void givenAHeavySmallParcelAbroad_thenTheActualWeightAndTheInternationalZoneApply() {
        Parcel bricks = new Parcel(2_500, 100L * 100 * 100);

        List<Offer> offers = quote(bricks, "SG");

        assertThat(offers).singleElement().satisfies(offer -> {
            assertThat(offer.amount().value()).isEqualByComparingTo("750");
            assertThat(offer.reference()).isEqualTo("international/STANDARD");
        });
    }

    @Test
    void givenAnOrder_thenItsOwnTrackingNumberIsTheSameEveryTime() {
        UUID order = UUID.randomUUID();
        Parcel parcel = new Parcel(1, 0);

        String first = provider.ship("domestic/STANDARD", order, parcel, AddressSnapshot.getDefaultInstance())
                .await().atMost(Duration.ofSeconds(1));

        assertThat(first).startsWith("CM").isEqualTo(provider.ship("domestic/STANDARD", order, parcel,
                AddressSnapshot.getDefaultInstance()).await().atMost(Duration.ofSeconds(1)));
    }

    private List<Offer> quote(Parcel parcel, String country) {
        return provider.quote(parcel, AddressSnapshot.newBuilder().setCountryCode(country).build(), "THB")
                .await().atMost(Duration.ofSeconds(1));
    }

    private static Tier tier(int base, int perKg, int days) {
        return new Tier() {
            @Override
            public BigDecimal base() {
                return BigDecimal.valueOf(base);
            }

            @Override
            public BigDecimal perKg() {
                return BigDecimal.valueOf(perKg);
            }

            @Override
            public int days() {
                return days;
            }
        };
    }
}
