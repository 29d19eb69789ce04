package org.polyphony.followup;

import java.util.List;

/**
 * The themes recommendations are grouped under: the five themes of the 2011 Civil Society Days, as the 2012
 * coordination statement lists them. Names are the message keys {@code followup.theme.<code>}.
 */
final class FollowupThemes {

    static final List<String> CODES = List.of(
            "rights-based-policy", "irregular-protection", "labour-mobility", "development-alternatives", "governance");

    private FollowupThemes() {}

    static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }
}
