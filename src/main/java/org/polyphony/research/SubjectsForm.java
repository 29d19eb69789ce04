package org.polyphony.research;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.polyphony.languages.CountryNames;
import org.polyphony.languages.Regions;
import org.springframework.validation.BindingResult;
import org.springframework.validation.MapBindingResult;

/**
 * What a publication is about, as its editor typed it: themes (free words, comma-separated), regions (codes of the
 * shared list, from check boxes) and countries (codes or names, comma-separated). Kept as typed so that a refused
 * form shows back exactly what was sent.
 */
public record SubjectsForm(String themes, List<String> regions, String countries) {

    static final int MAX_THEMES = 20;
    static final int MAX_THEME_LENGTH = 60;

    /** A comma in the scripts of the interface languages: Latin, Arabic (،), and the full-width and ideographic. */
    private static final Pattern SEPARATOR = Pattern.compile("[,،，、]");

    public SubjectsForm {
        themes = themes == null ? "" : themes;
        regions = regions == null ? List.of() : List.copyOf(regions);
        countries = countries == null ? "" : countries;
    }

    /** The form as a publication's stored subjects fill it: countries by code, which read back unambiguously. */
    static SubjectsForm of(Publication publication) {
        return new SubjectsForm(
                String.join(", ", publication.themes()),
                publication.regions(),
                String.join(", ", publication.countries()));
    }

    /** The subjects to store, or the errors by field; a publication is changed only when there are none. */
    record Checked(List<String> themes, List<String> regions, List<String> countries, BindingResult errors) {}

    Checked check() {
        BindingResult errors = new MapBindingResult(new HashMap<>(), "subjects");

        List<String> themeList = new ArrayList<>();
        Set<String> seenThemes = new java.util.HashSet<>();
        for (String theme : items(themes)) {
            // the same word twice, in other letter cases, is one theme; the first spelling is kept
            if (seenThemes.add(theme.toLowerCase(Locale.ROOT))) themeList.add(theme);
        }
        String tooLong = themeList.stream()
                .filter(theme -> theme.codePointCount(0, theme.length()) > MAX_THEME_LENGTH)
                .findFirst()
                .orElse(null);
        if (tooLong != null) {
            errors.rejectValue(
                    "themes", "research.subjects.themeTooLong", new Object[] {tooLong, MAX_THEME_LENGTH}, null);
        } else if (themeList.size() > MAX_THEMES) {
            errors.rejectValue(
                    "themes", "research.subjects.tooManyThemes", new Object[] {themeList.size(), MAX_THEMES}, null);
        }

        Set<String> chosenRegions = new LinkedHashSet<>();
        for (String region : regions) {
            if (region == null || region.isBlank()) continue;
            if (!Regions.isKnown(region.strip())) {
                errors.rejectValue("regions", "research.subjects.unknownRegion");
                break;
            }
            chosenRegions.add(region.strip());
        }
        // stored in the shared list's order, whatever order the boxes were sent in
        List<String> regionList = Regions.all().stream()
                .map(Regions.Region::code)
                .filter(chosenRegions::contains)
                .toList();

        Set<String> countryCodes = new LinkedHashSet<>();
        for (String country : items(countries)) {
            var code = CountryNames.code(country);
            if (code.isEmpty()) {
                errors.rejectValue("countries", "research.subjects.unknownCountry", new Object[] {country}, null);
                break;
            }
            countryCodes.add(code.get());
        }
        return new Checked(List.copyOf(themeList), regionList, List.copyOf(countryCodes), errors);
    }

    /** The items of a comma-separated field, each stripped and its inner blanks made single spaces; none empty. */
    private static List<String> items(String field) {
        List<String> items = new ArrayList<>();
        for (String item : SEPARATOR.split(field)) {
            String cleaned = item.replaceAll("[\\p{Cc}\\p{Z}\\s]+", " ").strip();
            if (!cleaned.isEmpty()) items.add(cleaned);
        }
        return items;
    }
}
