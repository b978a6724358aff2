package org.commercemesh.platform.persistence;

/**
 * LIKE patterns for user input. Hibernate names no escape character unless the query does, so
 * a query using these writes {@code like :param escape '!'} ({@link #ESCAPE}); without it an
 * underscore in the input would match any character and a backslash escape nothing.
 */
public final class LikePattern {

    /** Append to the {@code like :param} of a query. */
    public static final String ESCAPE = " escape '!'";

    private LikePattern() {
    }

    /** Matches values starting with {@code prefix}, taken literally. */
    public static String startsWith(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
