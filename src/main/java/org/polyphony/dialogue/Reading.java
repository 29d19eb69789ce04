package org.polyphony.dialogue;

import java.util.List;

/**
 * How a reader wants contributions shown: in which languages, translated or not, originals beside translations, or
 * one post's original on request.
 *
 * @param languages the reader's languages, preferred first
 * @param translate false when the reader switched automatic translation off
 * @param sideBySide originals shown next to their translations, for bilingual readers
 * @param originalOf the post whose original was asked for with "show original", or null
 */
public record Reading(List<String> languages, boolean translate, boolean sideBySide, Long originalOf) {

    public static Reading in(List<String> languages) {
        return new Reading(languages, true, false, null);
    }

    /** The language a translation is made into for this reader. */
    public String first() {
        return languages.isEmpty() ? "en" : languages.getFirst();
    }
}
