package org.commercemesh.user.recovery;

/** What an e-mailed link lets its holder do. */
public enum LinkPurpose {
    VERIFY_EMAIL,
    RESET_PASSWORD
}
