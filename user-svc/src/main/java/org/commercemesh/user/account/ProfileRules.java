package org.commercemesh.user.account;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

import org.commercemesh.platform.error.Violations;
import org.commercemesh.platform.status.ContractEnum;
import org.commercemesh.user.v1.Gender;

import com.google.type.Date;

/** The rules of profile fields, shared by Register and UpdateMe. */
public final class ProfileRules {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    private ProfileRules() {
    }

    public static String normaliseEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    public static void email(Violations violations, String field, String normalised) {
        if (normalised.isEmpty()) {
            violations.add(field, "is required");
        } else {
            violations.check(normalised.length() <= 254 && EMAIL.matcher(normalised).matches(), field,
                    "must be a valid e-mail address");
        }
    }

    public static void firstName(Violations violations, String field, String value) {
        violations.requireText(field, value, 1, 100);
    }

    public static void lastName(Violations violations, String field, String value) {
        violations.optionalText(field, value, 100);
    }

    /** An optional phone number: empty, or E.164. Addresses follow the same rule. */
    public static void phone(Violations violations, String field, String value) {
        violations.check(value.isEmpty() || E164.matcher(value).matches(), field,
                "must be in E.164 format, e.g. +66812345678");
    }

    public static void gender(Violations violations, String field, Gender gender) {
        violations.check(gender != Gender.UNRECOGNIZED, field, "is not a known gender");
    }

    /** A date of birth: unset, or a real calendar date in the past; returns it or null. */
    public static LocalDate dateOfBirth(Violations violations, String field, boolean present, Date date) {
        if (!present) {
            return null;
        }
        try {
            LocalDate birth = LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
            violations.check(birth.isBefore(LocalDate.now()) && birth.getYear() >= 1900, field,
                    "must be a date in the past (from 1900)");
            return birth;
        } catch (DateTimeException notADate) {
            violations.add(field, "must be a real calendar date");
            return null;
        }
    }

    public static GenderChoice genderColumn(Gender gender) {
        return ContractEnum.of(GenderChoice.class, gender).orElse(GenderChoice.UNSPECIFIED);
    }
}
