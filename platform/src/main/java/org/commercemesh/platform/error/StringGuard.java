package org.commercemesh.platform.error;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;

/**
 * Walks every string of a request message — nested messages, repeated fields and map keys and
 * values included — and reports the ones no service may store: a NUL character (PostgreSQL
 * text cannot hold it), an unpaired UTF-16 surrogate (it has no UTF-8 form), or more than
 * {@link #MAX_CHARACTERS} characters. Field-specific limits stay with each endpoint's
 * {@link Violations}; this is the floor under all of them.
 */
public final class StringGuard {

    /** The longest string any field takes: the longest a field allows (a product description). */
    public static final int MAX_CHARACTERS = 20_000;

    private StringGuard() {
    }

    /** The violations of {@code message}, with paths as clients write them: {@code lines[2].sku}, {@code options[colour]}. */
    public static List<FieldViolation> check(Message message) {
        List<FieldViolation> violations = new ArrayList<>();
        walk(message, "", violations);
        return violations;
    }

    private static void walk(Message message, String prefix, List<FieldViolation> violations) {
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            String path = prefix + descriptor.getName();
            if (descriptor.isMapField()) {
                for (Object entry : (List<?>) field.getValue()) {
                    MapEntry<?, ?> pair = (MapEntry<?, ?>) entry;
                    String key = String.valueOf(pair.getKey());
                    String keyProblem = pair.getKey() instanceof String text ? problem(text) : null;
                    if (keyProblem != null) {
                        violations.add(new FieldViolation(path, "has a key that " + keyProblem));
                    } else {
                        value(pair.getValue(), path + "[" + printable(key) + "]", violations);
                    }
                }
            } else if (descriptor.isRepeated()) {
                List<?> values = (List<?>) field.getValue();
                for (int i = 0; i < values.size(); i++) {
                    value(values.get(i), path + "[" + i + "]", violations);
                }
            } else {
                value(field.getValue(), path, violations);
            }
        }
    }

    private static void value(Object value, String path, List<FieldViolation> violations) {
        if (value instanceof Message nested) {
            walk(nested, path + ".", violations);
        } else {
            checkString(path, value, violations);
        }
    }

    private static void checkString(String path, Object value, List<FieldViolation> violations) {
        if (!(value instanceof String text)) {
            return;
        }
        String problem = problem(text);
        if (problem != null) {
            violations.add(new FieldViolation(path, problem));
        }
    }

    /** What is wrong with {@code text}, or null when it can be stored. */
    public static String problem(String text) {
        if (text.length() > MAX_CHARACTERS && text.codePointCount(0, text.length()) > MAX_CHARACTERS) {
            return "must be at most " + MAX_CHARACTERS + " characters";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return "must not contain a NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode (it has an unpaired surrogate)";
            }
        }
        return null;
    }

    // A map key is client input too: a long one is cut so the path stays readable.
    private static String printable(String key) {
        return key.codePointCount(0, key.length()) <= 64 ? key : key.substring(0, key.offsetByCodePoints(0, 64)) + "…";
    }
}
