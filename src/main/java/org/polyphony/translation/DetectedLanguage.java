package org.polyphony.translation;

/**
 * The language of a text as found by detection, or as the author declared it when the text was too short or too
 * mixed to tell.
 *
 * @param tag a BCP 47 language tag ({@code en}, {@code tl})
 * @param confidence between 0 and 1; 1 only when the author chose it, a guess stays below
 * @param source how the language was found
 */
public record DetectedLanguage(String tag, double confidence, Source source) {

    /** The highest confidence a detected or assumed language can have: a guess is never certain. */
    public static final double MAX_GUESS = 0.99;

    public DetectedLanguage {
        if (source != Source.CHOSEN_BY_AUTHOR) {
            confidence = Math.min(confidence, MAX_GUESS);
        }
    }

    public enum Source {
        DETECTED,
        DECLARED_LANGUAGE_OF_AUTHOR,
        CHOSEN_BY_AUTHOR
    }

    public static DetectedLanguage chosen(String tag) {
        return new DetectedLanguage(tag, 1.0, Source.CHOSEN_BY_AUTHOR);
    }
}
