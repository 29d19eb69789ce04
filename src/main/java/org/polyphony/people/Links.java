package org.polyphony.people;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Web addresses people and organisations give: absolute http or https URLs with a host, nothing else. */
final class Links {

    static final int MAX_LENGTH = 500;

    private Links() {}

    /** The address, normalised (scheme in lower case), if it is an acceptable link. */
    static Optional<String> check(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(typed.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(scheme + typed.strip().substring(scheme.length()));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }
}
