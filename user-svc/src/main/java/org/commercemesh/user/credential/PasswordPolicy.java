package org.commercemesh.user.credential;

import java.nio.charset.StandardCharsets;

import org.commercemesh.platform.error.Violations;

/**
 * Password rules: 8–128 characters, at most 72 bytes in UTF-8 — bcrypt ignores anything after
 * byte 72, so a longer password would silently be truncated; we refuse it instead — and not
 * the account's e-mail address.
 */
public final class PasswordPolicy {

    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static void check(Violations violations, String field, String password, String normalisedEmail) {
        if (password.isEmpty()) {
            violations.add(field, "is required");
            return;
        }
        int length = password.codePointCount(0, password.length());
        violations.check(length >= 8 && length <= 128, field, "must be 8 to 128 characters");
        violations.check(password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES, field,
                "must be at most 72 bytes in UTF-8");
        violations.check(!password.strip().equalsIgnoreCase(normalisedEmail), field,
                "must not be the e-mail address");
    }
}
