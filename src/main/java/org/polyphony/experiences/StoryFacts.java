package org.polyphony.experiences;

import java.util.List;

/**
 * The structured facts of a story, each optional (null or empty): where its author comes from and lives, where they
 * lived before, the kind of migration, the sector of work, their gender as they describe it, the years, the themes.
 */
public record StoryFacts(
        String origin,
        String residence,
        List<String> previousCountries,
        MigrationKind kind,
        String sector,
        String gender,
        Integer yearFrom,
        Integer yearTo,
        List<String> themes) {

    public StoryFacts {
        previousCountries = List.copyOf(previousCountries);
        themes = List.copyOf(themes);
    }
}
