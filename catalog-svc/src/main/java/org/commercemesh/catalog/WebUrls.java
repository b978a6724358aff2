package org.commercemesh.catalog;

import java.net.URI;

/** Image URLs of categories and products: absolute http(s), at most 2048 characters. */
public final class WebUrls {

    private WebUrls() {
    }

    public static boolean isHttpUrl(String value) {
        try {
            URI uri = URI.create(value);
            return value.length() <= 2048 && uri.getHost() != null
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
        } catch (IllegalArgumentException notAUri) {
            return false;
        }
    }
}
