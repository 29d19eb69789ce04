package org.polyphony.people;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What a person says about themselves; every field optional, each with who may see it.
 *
 * @param links web addresses, one per line
 */
public record ProfileForm(
        @Size(max = ProfileForm.BIO_LENGTH, message = "{people.bio.length}") String bio,
        String bioVisibility,
        List<String> languages,
        String languagesVisibility,
        List<String> countries,
        String countriesVisibility,
        List<String> themes,
        String themesVisibility,
        String links,
        String linksVisibility,
        String photoVisibility,
        Boolean listed) {

    public static final int BIO_LENGTH = 500;
    public static final int MAX_LINKS = 5;

    public ProfileForm {
        bio = bio == null ? "" : bio;
        listed = Boolean.TRUE.equals(listed);
        links = links == null ? "" : links;
        languages = clean(languages);
        countries = clean(countries);
        themes = clean(themes);
    }

    private static List<String> clean(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    /** The visibility chosen for a field ("bio", "languages", …), for the form's select boxes. */
    public Visibility visibility(String field) {
        return switch (field) {
            case "bio" -> Visibility.parse(bioVisibility, Visibility.PUBLIC);
            case "languages" -> Visibility.parse(languagesVisibility, Visibility.PUBLIC);
            case "countries" -> Visibility.parse(countriesVisibility, Visibility.MEMBERS);
            case "themes" -> Visibility.parse(themesVisibility, Visibility.PUBLIC);
            case "links" -> Visibility.parse(linksVisibility, Visibility.PUBLIC);
            case "photo" -> Visibility.parse(photoVisibility, Visibility.MEMBERS);
            default -> throw new IllegalArgumentException(field);
        };
    }

    public boolean isListed() {
        return Boolean.TRUE.equals(listed);
    }

    /** The links typed, one per line, blank lines left out. */
    public List<String> linkList() {
        return links.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
