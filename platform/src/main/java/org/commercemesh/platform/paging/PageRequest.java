package org.commercemesh.platform.paging;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.commercemesh.platform.error.InvalidArgumentException;
import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.id.Ids;

/**
 * AIP-158 paging input: {@code page_size} (0 means the default 20, at most 100) and an opaque
 * {@code page_token}. Tokens are keyset cursors: the sort values of the last item served,
 * base64url-encoded, so pages stay correct while rows are inserted. Clients must treat them as
 * opaque; a token that does not decode is INVALID_ARGUMENT.
 */
public record PageRequest(int size, List<String> cursor) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** Longer than any token a list issues (a few sort values, base64url-encoded). */
    public static final int MAX_TOKEN_LENGTH = 1024;
    private static final String SEPARATOR = "\u001f";
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d{1,30}(\\.\\d{1,30})?");

    /**
     * Validates {@code page_size} and {@code page_token} into {@code violations}; returns the
     * request (with an empty cursor when the token was invalid, the violation being recorded).
     * {@code cursorParts} is how many sort values the caller's tokens carry.
     */
    public static PageRequest of(int pageSize, String pageToken, int cursorParts, Violations violations) {
        violations.range("page_size", pageSize, 0, MAX_SIZE);
        int size = pageSize <= 0 || pageSize > MAX_SIZE ? DEFAULT_SIZE : pageSize;
        if (pageToken == null || pageToken.isEmpty()) {
            return new PageRequest(size, List.of());
        }
        if (pageToken.length() > MAX_TOKEN_LENGTH) {
            violations.add("page_token", "is not a token this list issued");
            return new PageRequest(size, List.of());
        }
        List<String> cursor = decode(pageToken);
        violations.check(cursor.size() == cursorParts, "page_token", "is not a token this list issued");
        return new PageRequest(size, cursor.size() == cursorParts ? cursor : List.of());
    }

    /** Cursor value {@code index} as an instant; INVALID_ARGUMENT when the token was forged. */
    public Instant instantAt(int index) {
        try {
            Instant instant = Instant.parse(cursor.get(index));
            // Instants reach a billion years; timestamptz does not, and a list's rows are recent.
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw forged();
            }
            return instant;
        } catch (DateTimeParseException forged) {
            throw forged();
        }
    }

    /**
     * Cursor value {@code index} as a decimal written out plainly (as tokens carry a NUMERIC
     * column's value); INVALID_ARGUMENT for anything else, e.g. an exponent no column can hold.
     */
    public BigDecimal decimalAt(int index) {
        String value = cursor.get(index);
        if (!PLAIN_DECIMAL.matcher(value).matches()) {
            throw forged();
        }
        return new BigDecimal(value);
    }

    /** Cursor value {@code index} as a UUID; INVALID_ARGUMENT when the token was forged. */
    public UUID uuidAt(int index) {
        UUID id = Ids.parseOrNull(cursor.get(index));
        if (id == null) {
            throw forged();
        }
        return id;
    }

    /** Cursor value {@code index} as a non-negative offset; INVALID_ARGUMENT when the token was forged. */
    public int intAt(int index) {
        try {
            int value = Integer.parseInt(cursor.get(index));
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException forged) {
            // reported below
        }
        throw forged();
    }

    public boolean isFirstPage() {
        return cursor.isEmpty();
    }

    /** The token that resumes after an item with these sort values. */
    public static String tokenAfter(String... sortValues) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, sortValues).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Fetch {@code size + 1} rows; when more than {@code size} came back there is a next page.
     * Returns the rows to serve.
     */
    public <T> List<T> pageOf(List<T> fetched) {
        return fetched.size() > size ? fetched.subList(0, size) : fetched;
    }

    public boolean hasMore(List<?> fetched) {
        return fetched.size() > size;
    }

    private static InvalidArgumentException forged() {
        return InvalidArgumentException.of("page_token", "is not a token this list issued");
    }

    private static List<String> decode(String token) {
        try {
            return List
                    .of(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(SEPARATOR, -1));
        } catch (IllegalArgumentException notBase64) {
            return List.of();
        }
    }
}
