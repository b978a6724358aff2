package org.commercemesh.catalog;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs for categories and products: lower-case letters, digits and single hyphens. */
public final class Slugs {

    public static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    public static final int MAX_LENGTH = 120;

    private Slugs() {
    }

    /** "Wireless Headphones (Black)" → "wireless-headphones-black"; accents are dropped. */
    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH).replaceAll("-$", "") : slug;
    }

    public static boolean isValid(String slug) {
        return slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }
}
