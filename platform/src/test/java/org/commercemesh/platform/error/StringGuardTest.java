package org.commercemesh.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.commercemesh.cart.v1.AddCartItemRequest;
import org.commercemesh.catalog.v1.ListProductsRequest;
import org.commercemesh.catalog.v1.ProductFilter;
import org.commercemesh.user.v1.Address;
import org.commercemesh.user.v1.CreateAddressRequest;
import org.junit.jupiter.api.Test;

class StringGuardTest {

    @Test
    void givenCleanStrings_thenNoViolation() {
        CreateAddressRequest request = CreateAddressRequest.newBuilder()
                .setAddress(Address.newBuilder().setRecipientName("Ann 🛒 Lee").setCity("กรุงเทพ")).build();

        assertThat(StringGuard.check(request)).isEmpty();
    }

    @Test
    void givenANulInANestedField_thenTheViolationNamesItsPath() {
        CreateAddressRequest request = CreateAddressRequest.newBuilder()
                .setAddress(Address.newBuilder().setRecipientName("Ann").setLine1("1 Main\u0000St")).build();

        assertThat(StringGuard.check(request)).extracting(FieldViolation::field).containsExactly("address.line1");
    }

    @Test
    void givenAnUnpairedSurrogate_thenItIsAViolation() {
        CreateAddressRequest request = CreateAddressRequest.newBuilder()
                .setAddress(Address.newBuilder().setCity("Bang\uD800kok").setRegion("\uDC00")).build();

        assertThat(StringGuard.check(request)).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("address.city", "address.region");
    }

    @Test
    void givenBadMapValuesAndKeys_thenEachIsNamed() {
        AddCartItemRequest request = AddCartItemRequest.newBuilder().setProductId("p")
                .putOptions("colour", "bl\u0000ack").putOptions("si\u0000ze", "M").build();

        assertThat(StringGuard.check(request)).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("options[colour]", "options");
    }

    @Test
    void givenARepeatedOrMapFieldInAFilter_thenTheIndexIsInThePath() {
        ListProductsRequest request = ListProductsRequest.newBuilder()
                .setFilter(ProductFilter.newBuilder().putAttributes("brand", "x\u0000")).build();

        assertThat(StringGuard.check(request)).extracting(FieldViolation::field)
                .containsExactly("filter.attributes[brand]");
    }

    @Test
    void givenAStringLongerThanAnyFieldAllows_thenItIsAViolation() {
        CreateAddressRequest request = CreateAddressRequest.newBuilder()
                .setAddress(Address.newBuilder().setLine2("x".repeat(StringGuard.MAX_CHARACTERS + 1))).build();

        assertThat(StringGuard.check(request)).extracting(FieldViolation::description)
                .containsExactly("must be at most " + StringGuard.MAX_CHARACTERS + " characters");
    }
}
