package org.polyphony.languages;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Languages a participant can say they read: the interface languages plus the languages most spoken by migrant
 * workers and diasporas. Content in any of them can be detected and, where a provider exists, translated.
 */
public final class ReadingLanguages {

    private static final List<String> TAGS = List.of(
            "en", "ar", "zh", "fr", "ru", "es", "pt", "am", "bn", "de", "el", "fa", "ha", "he", "hi", "id", "ig", "it",
            "ja", "km", "ko", "ku", "ms", "my", "ne", "nl", "pl", "ps", "ro", "si", "so", "sw", "ta", "th", "ti", "tl",
            "tr", "uk", "ur", "vi", "wo", "yo");

    private ReadingLanguages() {}

    public static boolean isKnown(String tag) {
        return TAGS.contains(tag);
    }

    public static List<String> tags() {
        return TAGS;
    }

    /** The languages with their names in each language's own script and in the reader's, sorted for the reader. */
    public static List<Named> named(Locale reader) {
        return TAGS.stream()
                .map(tag -> new Named(tag, nameIn(tag, reader), nameIn(tag, Locale.forLanguageTag(tag))))
                .sorted(Comparator.comparing(Named::nameForReader, java.text.Collator.getInstance(reader)))
                .toList();
    }

    private static String nameIn(String tag, Locale in) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(in);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(in) + name.substring(1);
    }

    /** A language as offered in a form. */
    public record Named(String tag, String nameForReader, String nativeName) {

        public String label() {
            return nameForReader.equals(nativeName) ? nameForReader : nameForReader + " — " + nativeName;
        }
    }
}
