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
 * @param askForMissing whether a translation not yet made is asked for (people reading pages); false for API
 *     clients, who could otherwise queue work for every language by looping over them
 */
public record Reading(
        List<String> languages, boolean translate, boolean sideBySide, Long originalOf, boolean askForMissing) {

    public static Reading in(List<String> languages) {
        return new Reading(languages, true, false, null, true);
    }

    /** Shows translations that exist, asking for none. */
    Reading withoutAsking() {
        return new Reading(languages, translate, sideBySide, originalOf, false);
    }

    /** The language a translation is made into for this reader. */
    public String first() {
        return languages.isEmpty() ? "en" : languages.getFirst();
    }
}
