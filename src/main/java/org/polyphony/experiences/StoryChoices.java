package org.polyphony.experiences;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polyphony.forums.Edition;
import org.polyphony.languages.Countries;
import org.polyphony.languages.Country;
import org.polyphony.languages.ReadingLanguages;

/**
 * What the story form and the filters offer, in the reader's language: countries by name, kinds of migration,
 * sectors, the edition's themes and sessions, languages.
 */
public record StoryChoices(
        List<Country> countries,
        List<MigrationKind> kinds,
        List<String> sectors,
        List<ThemeChoice> themes,
        List<SessionChoice> sessions,
        List<ReadingLanguages.Named> languages) {

    /** A theme: its code, and its own name where organisers gave one (else the bundles name it). */
    public record ThemeChoice(String code, String label) {}

    public record SessionChoice(long id, String code, String title) {}

    static StoryChoices of(Edition edition, List<StoryThemes.Theme> themes, Locale reader) {
        List<SessionChoice> sessions = new ArrayList<>();
        edition.roundtables().forEach(r -> r.sessions()
                .forEach(s -> sessions.add(new SessionChoice(
                        s.id().value(), s.code(), s.title().in(reader).text()))));
        return new StoryChoices(
                Countries.sortedByName(reader),
                List.of(MigrationKind.values()),
                Sectors.CODES,
                themes.stream().map(t -> new ThemeChoice(t.code(), t.label())).toList(),
                sessions,
                ReadingLanguages.named(reader));
    }

    /** The name of a theme code among these choices; null when the bundles name it. */
    public String ownLabel(String code) {
        return themes.stream()
                .filter(t -> t.code().equals(code))
                .findFirst()
                .map(ThemeChoice::label)
                .orElse(null);
    }
}
