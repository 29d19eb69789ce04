package org.polyphony.opinions;

import org.polyphony.translation.Shown;

/**
 * A statement (or a question) as a reader meets it: in their language where a translation is ready, with what it
 * was written in.
 *
 * @param number the statement's number in its conversation (-1 for a question)
 * @param text what to show
 * @param language the language of {@code text}
 * @param original the text as written, when {@code text} is a translation; else null
 * @param originalLanguage the language it was written in
 * @param translatedBy the translation's provider as people write it ("Apertium"), or null for a person's review
 */
public record ShownStatement(
        int number, String text, String language, String original, String originalLanguage, String translatedBy) {

    static ShownStatement of(int number, String text, String language, Shown shown) {
        if (shown == null || !shown.translated()) {
            return new ShownStatement(number, text, language, null, language, null);
        }
        return new ShownStatement(
                number,
                shown.text(),
                shown.language(),
                text,
                language,
                shown.state() == Shown.State.REVIEWED ? null : shown.providerLabel());
    }

    /** Whether the current reader takes translations (they can switch them off, as for posts). */
    public static boolean readerTranslates() {
        return StatementTexts.translating();
    }

    public boolean translated() {
        return original != null;
    }
}
