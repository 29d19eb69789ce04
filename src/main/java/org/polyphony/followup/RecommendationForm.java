package org.polyphony.followup;

import java.util.List;

/**
 * A recommendation as typed in the organiser's form or read from a CSV row. Named organisations are written by
 * name, separated by semicolons; countries are ISO 3166 codes; frameworks are codes of the shared vocabularies;
 * {@code madeOn}, optional, is the ISO date of the statement or meeting it comes from.
 */
public record RecommendationForm(
        String theme,
        String title,
        String body,
        List<String> addressees,
        String organisations,
        List<String> countries,
        List<String> frameworks,
        String madeOn) {

    /** Without the day it was made (a consultation's or a report's recommendations carry none). */
    public RecommendationForm(
            String theme,
            String title,
            String body,
            List<String> addressees,
            String organisations,
            List<String> countries,
            List<String> frameworks) {
        this(theme, title, body, addressees, organisations, countries, frameworks, "");
    }

    public static RecommendationForm blank() {
        return new RecommendationForm("", "", "", List.of(), "", List.of(), List.of(), "");
    }

    public List<String> addresseesOrNone() {
        return addressees == null ? List.of() : addressees;
    }

    public List<String> countriesOrNone() {
        return countries == null ? List.of() : countries;
    }

    public List<String> frameworksOrNone() {
        return frameworks == null ? List.of() : frameworks;
    }

    static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
