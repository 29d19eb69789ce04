package org.polyphony.languages;

import java.util.List;

/**
 * What people, organisations and stories work on or speak about: the themes of issue 6, taken from the concept
 * note's roundtables. A fixed vocabulary of codes; their names are the message keys {@code theme.<code>}.
 */
public final class Themes {

    private static final List<String> CODES = List.of(
            "integration",
            "reintegration",
            "circular-migration",
            "remittances-investment",
            "skills-recognition",
            "domestic-work",
            "women-migrants",
            "childrens-education",
            "diaspora-engagement",
            "recruitment",
            "health",
            "housing");

    private Themes() {}

    /** Every theme's code, in the order forms offer them. */
    public static List<String> codes() {
        return CODES;
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    /** The message key of a theme's name. */
    public static String messageKey(String code) {
        return "theme." + code;
    }
}
