package org.commercemesh.platform.error;

/**
 * One invalid field of a request: its path as the client wrote it ({@code address.postal_code},
 * {@code lines[2].quantity}) and what is wrong with it.
 */
public record FieldViolation(String field, String description) {
}
