package org.polyphony.translation;

/**
 * The language of a text as found by detection, or as the author declared it when the text was too short or too
 * mixed to tell.
 *
 * @param tag a BCP 47 language tag ({@code en}, {@code tl})
 * @param confidence between 0 and 1; 1 when the author chose it
 * @param source how the language was found
 */
public record DetectedLanguage(String tag, double confidence, Source source) {

    public enum Source {
        DETECTED,
        DECLARED_LANGUAGE_OF_AUTHOR,
        CHOSEN_BY_AUTHOR
    }

    public static DetectedLanguage chosen(String tag) {
        return new DetectedLanguage(tag, 1.0, Source.CHOSEN_BY_AUTHOR);
    }
}
