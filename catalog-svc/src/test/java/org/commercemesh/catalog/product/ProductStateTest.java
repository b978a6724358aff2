package org.commercemesh.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.commercemesh.catalog.v1.ProductStatus;
import org.junit.jupiter.api.Test;

/** The product lifecycle in one place: DRAFT → ACTIVE ⇄ INACTIVE, anything → ARCHIVED, and never back. */
class ProductStateTest {

    @Test
    void givenEachState_thenOnlyTheLifecyclesMovesAreAllowed() {
        assertThat(ProductState.DRAFT.canMoveTo(ProductState.ACTIVE)).isTrue();
        assertThat(ProductState.DRAFT.canMoveTo(ProductState.INACTIVE)).isFalse();
        assertThat(ProductState.ACTIVE.canMoveTo(ProductState.INACTIVE)).isTrue();
        assertThat(ProductState.INACTIVE.canMoveTo(ProductState.ACTIVE)).isTrue();
        assertThat(ProductState.ACTIVE.canMoveTo(ProductState.DRAFT)).isFalse();
        for (ProductState state : ProductState.values()) {
            assertThat(state.canMoveTo(state)).as("staying " + state).isTrue();
            assertThat(state.canMoveTo(ProductState.ARCHIVED)).as(state + " → ARCHIVED").isTrue();
            assertThat(ProductState.ARCHIVED.canMoveTo(state)).as("ARCHIVED → " + state)
                    .isEqualTo(state == ProductState.ARCHIVED);
        }
    }

    @Test
    void givenEveryContractStatus_thenExactlyOneStateMapsToIt_andBack() {
        for (ProductStatus status : ProductStatus.values()) {
            boolean real = status != ProductStatus.PRODUCT_STATUS_UNSPECIFIED && status != ProductStatus.UNRECOGNIZED;
            assertThat(ProductState.of(status).map(ProductState::toProto)).as(status.name())
                    .isEqualTo(real ? Optional.of(status) : Optional.empty());
        }
    }
}
