package org.polyphony.skills;

import java.util.ArrayList;
import java.util.List;

/**
 * A skills profile as its worker types it. Numbers and dates are kept as typed, so that "abc" in the years of
 * experience comes back with a message rather than failing to bind. Languages and qualifications arrive as
 * parallel rows (a language and its level; a title, a country and whether it is recognised).
 */
public record SkillsProfileForm(
        List<String> occupations,
        List<String> skills,
        List<String> languageTag,
        List<String> languageLevel,
        List<String> qualificationTitle,
        List<String> qualificationCountry,
        List<String> qualificationRecognised,
        String years,
        List<String> workCountries,
        List<String> workRegions,
        String availableFrom,
        String lookingFor) {

    public static final int LANGUAGE_ROWS = 4;
    public static final int QUALIFICATION_ROWS = 3;
    public static final int LOOKING_FOR_LENGTH = 1000;

    public SkillsProfileForm {
        occupations = chosen(occupations);
        skills = chosen(skills);
        workCountries = chosen(workCountries);
        workRegions = chosen(workRegions);
        languageTag = rows(languageTag, LANGUAGE_ROWS);
        languageLevel = rows(languageLevel, LANGUAGE_ROWS);
        qualificationTitle = rows(qualificationTitle, QUALIFICATION_ROWS);
        qualificationCountry = rows(qualificationCountry, QUALIFICATION_ROWS);
        qualificationRecognised = rows(qualificationRecognised, QUALIFICATION_ROWS);
        years = years == null ? "" : years.strip();
        availableFrom = availableFrom == null ? "" : availableFrom.strip();
        lookingFor = lookingFor == null ? "" : lookingFor.strip();
    }

    static SkillsProfileForm blank() {
        return new SkillsProfileForm(null, null, null, null, null, null, null, "", null, null, "", "");
    }

    /** The language rows that name a language, as {@code tag:LEVEL} codes (checked by the caller). */
    List<String> languageCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < LANGUAGE_ROWS; i++) {
            if (!languageTag.get(i).isEmpty()) {
                codes.add(languageTag.get(i) + ":" + languageLevel.get(i));
            }
        }
        return codes;
    }

    private static List<String> chosen(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .filter(v -> v != null && !v.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
    }

    /** Exactly {@code count} rows, blank where the form sent fewer, so that row i of each list belongs together. */
    private static List<String> rows(List<String> values, int count) {
        List<String> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String value = values != null && i < values.size() ? values.get(i) : null;
            rows.add(value == null ? "" : value.strip());
        }
        return List.copyOf(rows);
    }
}
