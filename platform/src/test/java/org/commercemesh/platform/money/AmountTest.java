package org.commercemesh.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.google.type.Money;

class AmountTest {

    @Test
    void givenAProtoMoney_whenReadAndWrittenBack_thenItIsUnchanged() {
        Money money = Money.newBuilder().setCurrencyCode("THB").setUnits(1299).setNanos(500_000_000).build();

        Amount amount = Amount.fromProto(money);

        assertThat(amount.value()).isEqualByComparingTo("1299.5");
        assertThat(amount.toProto()).isEqualTo(money);
    }

    @Test
    void givenANegativeAmount_whenWritten_thenUnitsAndNanosShareTheSign() {
        Money money = Amount.of("-1.25", "USD").toProto();

        assertThat(money.getUnits()).isEqualTo(-1);
        assertThat(money.getNanos()).isEqualTo(-250_000_000);
    }

    @Test
    void givenMoneyBeyondWhatNumeric19And4Holds_whenRead_thenItIsRefused_justBelowItIsRead() {
        assertThatIllegalArgumentException().isThrownBy(() -> Amount.fromProto(
                Money.newBuilder().setCurrencyCode("THB").setUnits(1_000_000_000_000_000L).build()))
                .withMessageContaining("less than");
        assertThatIllegalArgumentException().isThrownBy(() -> Amount.fromProto(
                Money.newBuilder().setCurrencyCode("THB").setUnits(-1_000_000_000_000_000L).build()));
        assertThat(Amount.fromProto(Money.newBuilder().setCurrencyCode("THB").setUnits(999_999_999_999_999L)
                .setNanos(999_900_000).build()).storable()).isTrue();
        assertThat(Amount.of("999999999999999.9999", "THB").times(2).storable()).isFalse();
    }

    @Test
    void givenMalformedMoney_whenRead_thenItIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Amount.fromProto(
                Money.newBuilder().setCurrencyCode("THB").setUnits(1).setNanos(-1).build()));
        assertThatIllegalArgumentException().isThrownBy(() -> Amount.fromProto(
                Money.newBuilder().setCurrencyCode("XYZ").setUnits(1).build()));
        assertThatIllegalArgumentException().isThrownBy(() -> Amount.fromProto(
                Money.newBuilder().setCurrencyCode("thb").setUnits(1).build()));
    }

    @Test
    void givenAmounts_whenCombined_thenArithmeticIsExactAndCurrenciesMustMatch() {
        Amount price = Amount.of("19.99", "THB");

        assertThat(price.times(3).plus(Amount.of("0.03", "THB")).value()).isEqualByComparingTo("60.00");
        assertThat(price.times(new BigDecimal("0.07")).value()).isEqualByComparingTo("1.3993");
        assertThatIllegalArgumentException().isThrownBy(() -> price.plus(Amount.of("1", "USD")));
    }

    @Test
    void givenAnAmount_whenShownToPeople_thenItUsesTheCurrencysDecimals() {
        assertThat(Amount.of("906", "THB").toDisplayString()).isEqualTo("906.00 THB");
        assertThat(Amount.of("1200.4", "JPY").toDisplayString()).isEqualTo("1200 JPY");
    }
}
