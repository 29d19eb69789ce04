package org.polyphony.languages;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A text written in one or more languages, keyed by language tag. The first entry is the original.
 * Shown in the reader's language where a version exists, otherwise in the original.
 */
public record LocalizedText(@com.fasterxml.jackson.annotation.JsonValue Map<String, String> versions) {

    public LocalizedText {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>();
        versions.forEach((language, text) -> {
            if (text != null && !text.isBlank()) {
                copy.put(language, text.strip());
            }
        });
        versions = Collections.unmodifiableMap(copy);
    }

    public static LocalizedText of(String language, String text) {
        return new LocalizedText(Map.of(language, text == null ? "" : text));
    }

    public static LocalizedText empty() {
        return new LocalizedText(Map.of());
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }

    /** The language of the original, or English for an empty text. */
    public String originalLanguage() {
        return versions.keySet().stream().findFirst().orElse(UiLanguage.DEFAULT.tag());
    }

    /** The version in exactly this language, if there is one. */
    public Optional<String> exactly(String language) {
        return Optional.ofNullable(versions.get(language));
    }

    /** The best version for a reader of {@code locale}, with the language it is in (for the HTML lang attribute). */
    public Shown in(Locale locale) {
        String wanted = UiLanguage.of(locale).tag();
        if (versions.containsKey(wanted)) {
            return new Shown(versions.get(wanted), wanted);
        }
        String original = originalLanguage();
        return new Shown(versions.getOrDefault(original, ""), original);
    }

    /** This text with the version in {@code language} replaced, or removed when {@code text} is blank. */
    public LocalizedText with(String language, String text) {
        LinkedHashMap<String, String> copy = new LinkedHashMap<>(versions);
        if (text == null || text.isBlank()) {
            copy.remove(language);
        } else {
            copy.put(language, text);
        }
        return new LocalizedText(copy);
    }

    /** A version chosen for display: its text and its language tag. */
    public record Shown(String text, String language) {

        public String direction() {
            return UiLanguage.fromTag(language).map(UiLanguage::direction).orElse("auto");
        }

        public boolean isIn(Locale locale) {
            return language.equals(locale.getLanguage());
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
