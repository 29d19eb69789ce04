package org.polyphony.web;

/** Guards redirects that take their target from the request, so they never lead off this site. */
public final class LocalPath {

    private LocalPath() {}

    /** {@code path} when it is a path on this site, otherwise {@code "/"}. */
    public static String orHome(String path) {
        boolean local = path != null
                && path.startsWith("/")
                && !path.startsWith("//")
                && !path.startsWith("/\\")
                && path.chars().noneMatch(c -> c < 0x20 || c == '\\' || c == '{' || c == '}');
        return local ? path : "/";
    }
}
