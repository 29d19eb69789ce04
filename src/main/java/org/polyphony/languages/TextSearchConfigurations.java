package org.polyphony.languages;

import java.util.Map;

/**
 * The PostgreSQL text search configuration for a language: its Snowball stemmer where PostgreSQL ships one, so that
 * "workers" finds "worker"; {@code simple} (exact words, any script) for the others, Chinese and Japanese included.
 */
public final class TextSearchConfigurations {

    private static final Map<String, String> BY_LANGUAGE = Map.ofEntries(
            Map.entry("ar", "arabic"),
            Map.entry("da", "danish"),
            Map.entry("de", "german"),
            Map.entry("el", "greek"),
            Map.entry("en", "english"),
            Map.entry("es", "spanish"),
            Map.entry("fi", "finnish"),
            Map.entry("fr", "french"),
            Map.entry("hi", "hindi"),
            Map.entry("hu", "hungarian"),
            Map.entry("id", "indonesian"),
            Map.entry("it", "italian"),
            Map.entry("ne", "nepali"),
            Map.entry("nl", "dutch"),
            Map.entry("no", "norwegian"),
            Map.entry("pt", "portuguese"),
            Map.entry("ro", "romanian"),
            Map.entry("ru", "russian"),
            Map.entry("sv", "swedish"),
            Map.entry("ta", "tamil"),
            Map.entry("tr", "turkish"));

    private TextSearchConfigurations() {}

    /** The configuration's name, to be cast to {@code regconfig} in SQL. */
    public static String of(String languageTag) {
        return BY_LANGUAGE.getOrDefault(languageTag, "simple");
    }
}
