package org.commercemesh.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

import com.google.type.Money;

/**
 * A monetary amount with its ISO 4217 currency, as the services compute and store it
 * ({@code NUMERIC(19,4)} plus a currency column), and as {@code google.type.Money} on the wire.
 * Arithmetic refuses to mix currencies.
 */
public record Amount(BigDecimal value, String currency) implements Comparable<Amount> {

    /** Storage scale: NUMERIC(19,4). */
    public static final int SCALE = 4;
    /** NUMERIC(19,4) holds less than 10^15 in magnitude: anything stored must stay below. */
    public static final BigDecimal LIMIT = BigDecimal.TEN.pow(15);
    private static final BigDecimal NANOS_PER_UNIT = BigDecimal.valueOf(1_000_000_000L);

    public Amount {
        Objects.requireNonNull(value, "value");
        if (!isCurrencyCode(currency)) {
            throw new IllegalArgumentException("is not an ISO 4217 currency code");
        }
        value = value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    public static Amount of(String value, String currency) {
        return new Amount(new BigDecimal(value), currency);
    }

    public static Amount zero(String currency) {
        return new Amount(BigDecimal.ZERO, currency);
    }

    /**
     * Reads a {@code google.type.Money}. Rejects what the type's contract forbids: an unknown
     * currency, nanos outside ±999,999,999 and units and nanos of different signs.
     */
    public static Amount fromProto(Money money) {
        long units = money.getUnits();
        int nanos = money.getNanos();
        if (nanos <= -1_000_000_000 || nanos >= 1_000_000_000) {
            throw new IllegalArgumentException("nanos must be within ±999,999,999");
        }
        if (units > 0 && nanos < 0 || units < 0 && nanos > 0) {
            throw new IllegalArgumentException("units and nanos must have the same sign");
        }
        BigDecimal value = BigDecimal.valueOf(units)
                .add(BigDecimal.valueOf(nanos).divide(NANOS_PER_UNIT));
        Amount amount = new Amount(value, money.getCurrencyCode());
        if (!amount.storable()) {
            throw new IllegalArgumentException("must be less than 1,000,000,000,000,000 in magnitude");
        }
        return amount;
    }

    /** Whether a NUMERIC(19,4) column can hold it. */
    public boolean storable() {
        return value.abs().compareTo(LIMIT) < 0;
    }

    public Money toProto() {
        BigDecimal units = value.setScale(0, RoundingMode.DOWN);
        int nanos = value.subtract(units).multiply(NANOS_PER_UNIT).intValueExact();
        return Money.newBuilder()
                .setCurrencyCode(currency)
                .setUnits(units.longValueExact())
                .setNanos(nanos)
                .build();
    }

    public Amount plus(Amount other) {
        return new Amount(value.add(sameCurrency(other).value), currency);
    }

    public Amount minus(Amount other) {
        return new Amount(value.subtract(sameCurrency(other).value), currency);
    }

    public Amount times(long quantity) {
        return new Amount(value.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** This amount times a rate (e.g. a VAT rate of 0.07), rounded half-even to the storage scale. */
    public Amount times(BigDecimal rate) {
        return new Amount(value.multiply(rate), currency);
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    @Override
    public int compareTo(Amount other) {
        return value.compareTo(sameCurrency(other).value);
    }

    public static boolean isCurrencyCode(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    private Amount sameCurrency(Amount other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
        return other;
    }

    /** For people: the currency's usual decimals, e.g. "906.00 THB" or "1200 JPY". */
    public String toDisplayString() {
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return value.setScale(digits, RoundingMode.HALF_EVEN).toPlainString() + " " + currency;
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + currency;
    }
}
