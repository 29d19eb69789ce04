package org.polyphony.dialogue;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether the reader switched automatic translation off (the cookie set at {@code /reading/translation}), for other
 * modules whose texts follow the same choice as posts.
 */
public final class TranslationChoice {

    private TranslationChoice() {}

    /** False when the reader switched automatic translation off. */
    public static boolean translates(HttpServletRequest request) {
        return ReadingPreferences.translates(request);
    }

    /** The address that switches translation on or off and comes back to {@code returnTo}. */
    public static String switchPath(boolean translate, String returnTo) {
        return "/reading/translation?translate=" + (translate ? "on" : "off") + "&return="
                + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8);
    }
}
