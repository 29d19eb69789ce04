package org.polyphony.consultation;

import java.util.Locale;

/** Whether a quoted passage is in a paragraph, as a reader would see it: Markdown marks and spacing ignored. */
final class Passages {

    private Passages() {}

    static boolean contains(String paragraph, String passage) {
        String quoted = plain(passage);
        return !quoted.isEmpty() && plain(paragraph).contains(quoted);
    }

    static String plain(String text) {
        return text.replaceAll("\\\\([\\\\*_`#\\[\\]<>])", "$1")
                .replaceAll("[*_`]", "")
                .replaceAll("[“”«»„\"]", "\"")
                .replaceAll("[‘’]", "'")
                .replaceAll("\\s+", " ")
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
