package org.commercemesh.platform.error;

import java.util.ArrayList;
import java.util.List;

import org.commercemesh.platform.id.Ids;
import org.commercemesh.platform.money.Amount;

import com.google.type.Money;

/**
 * Collects every field violation of a request before failing, so a client fixes all of them
 * in one round trip. Checks return {@code this} to chain; {@link #throwIfAny()} ends the chain.
 *
 * <pre>{@code
 * Violations v = new Violations();
 * v.requireText("first_name", request.getFirstName(), 1, 100)
 *  .check(request.getPassword().length() >= 8, "password", "must be at least 8 characters");
 * v.throwIfAny();
 * }</pre>
 */
public final class Violations {

    private final List<FieldViolation> violations = new ArrayList<>();

    /** Records a violation of {@code field} unless {@code valid}. */
    public Violations check(boolean valid, String field, String description) {
        if (!valid) {
            violations.add(new FieldViolation(field, description));
        }
        return this;
    }

    public Violations add(String field, String description) {
        return check(false, field, description);
    }

    /** Required text of {@code min}–{@code max} characters after trimming. */
    public Violations requireText(String field, String value, int min, int max) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            return add(field, "is required");
        }
        return checkLength(field, trimmed, min, max);
    }

    /** Optional text: empty is fine, otherwise at most {@code max} characters after trimming. */
    public Violations optionalText(String field, String value, int max) {
        String trimmed = value == null ? "" : value.strip();
        return trimmed.isEmpty() ? this : checkLength(field, trimmed, 0, max);
    }

    /** A required UUID in canonical 36-character form. */
    public Violations requireUuid(String field, String value) {
        if (value == null || value.isEmpty()) {
            return add(field, "is required");
        }
        return check(Ids.parseOrNull(value) != null, field, "must be a UUID");
    }

    /** An optional UUID: empty is fine. */
    public Violations optionalUuid(String field, String value) {
        return value == null || value.isEmpty()
                ? this
                : check(Ids.parseOrNull(value) != null, field, "must be a UUID");
    }

    /**
     * Reads a {@code google.type.Money} field; a malformed one (unknown currency, nanos out of
     * range, mixed signs) is a violation and yields null, so callers check what they got.
     */
    public Amount amount(String field, Money money) {
        try {
            return Amount.fromProto(money);
        } catch (IllegalArgumentException malformed) {
            add(field, malformed.getMessage());
            return null;
        }
    }

    public Violations range(String field, long value, long min, long max) {
        return check(value >= min && value <= max, field, "must be between " + min + " and " + max);
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(violations);
    }

    /** Fails with one INVALID_ARGUMENT naming every violation recorded so far. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new InvalidArgumentException(violations);
        }
    }

    private Violations checkLength(String field, String trimmed, int min, int max) {
        int length = trimmed.codePointCount(0, trimmed.length());
        return check(length >= min && length <= max, field,
                min <= 1
                        ? "must be at most " + max + " characters"
                        : "must be " + min + " to " + max + " characters");
    }
}
