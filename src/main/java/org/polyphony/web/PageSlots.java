package org.polyphony.web;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Places in a page rendered once for many signed-in readers where each reader's own part goes: their CSRF token,
 * the site header with their name and counts, their follow button, their reactions. A slot is written as a marker
 * holding a secret drawn when the process starts, so that no text a person writes can be taken for one.
 */
public final class PageSlots {

    private static final String SECRET = HexFormat.of().formatHex(new SecureRandom().generateSeed(10));
    private static final Pattern MARKER = Pattern.compile("pp-" + SECRET + "-([a-z0-9:]+)-pp");

    private PageSlots() {}

    /** The marker of the slot {@code name} (lower-case letters, digits and colons). */
    public static String marker(String name) {
        return "pp-" + SECRET + "-" + name + "-pp";
    }

    /** The page cut at its slots: its literal text at even indexes, the names of the slots between at odd ones. */
    public static List<String> split(String html) {
        List<String> parts = new ArrayList<>();
        Matcher slot = MARKER.matcher(html);
        int from = 0;
        while (slot.find()) {
            parts.add(html.substring(from, slot.start()));
            parts.add(slot.group(1));
            from = slot.end();
        }
        parts.add(html.substring(from));
        return List.copyOf(parts);
    }
}
