package org.polyphony.skills;

import java.util.Optional;

/**
 * A language and a level on the Common European Framework of Reference's six steps (A1 … C2), written
 * {@code ar:C1} in profiles and opportunities. An opportunity's level is the least it needs.
 */
public record LanguageLevel(String language, Level level) {

    public enum Level {
        A1,
        A2,
        B1,
        B2,
        C1,
        C2
    }

    static Optional<LanguageLevel> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        if (colon < 2 || colon > 3) {
            return Optional.empty();
        }
        String language = value.substring(0, colon);
        if (!org.polyphony.languages.ReadingLanguages.isKnown(language)) {
            return Optional.empty();
        }
        for (Level level : Level.values()) {
            if (level.name().equals(value.substring(colon + 1))) {
                return Optional.of(new LanguageLevel(language, level));
            }
        }
        return Optional.empty();
    }

    public boolean meets(LanguageLevel needed) {
        return language.equals(needed.language) && level.compareTo(needed.level) >= 0;
    }

    public String code() {
        return language + ":" + level.name();
    }
}
