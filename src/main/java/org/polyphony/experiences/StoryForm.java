package org.polyphony.experiences;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A story as written in its form. Every fact is optional; countries are ISO 3166 codes, checked against the known
 * ones; themes and sessions are codes and ids of the story's forum edition.
 */
public record StoryForm(
        @NotBlank(message = "{story.title.required}") @Size(max = 200, message = "{story.title.length}") String title,
        @NotBlank(message = "{story.body.required}") @Size(max = 20000, message = "{story.body.length}") String body,
        String origin,
        String residence,
        List<String> previousCountries,
        String kind,
        String sector,
        @Size(max = 60, message = "{story.gender.length}") String gender,
        String yearFrom,
        String yearTo,
        List<String> themes,
        List<Long> sessions,
        Boolean anonymous) {

    public static StoryForm blank() {
        return new StoryForm("", "", "", "", List.of(), "", "", "", "", "", List.of(), List.of(), false);
    }

    public boolean isAnonymous() {
        return Boolean.TRUE.equals(anonymous);
    }

    public List<String> previousCountriesOrNone() {
        return previousCountries == null ? List.of() : previousCountries;
    }

    public List<String> themesOrNone() {
        return themes == null ? List.of() : themes;
    }

    public List<Long> sessionsOrNone() {
        return sessions == null ? List.of() : sessions;
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
