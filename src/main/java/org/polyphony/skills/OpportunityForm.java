package org.polyphony.skills;

import java.util.ArrayList;
import java.util.List;

/**
 * An opportunity as an organisation's admin types it. Amounts, dates and the organisation are kept as typed, so
 * that a malformed value is answered next to its field. The three fair-recruitment statements are checkboxes the
 * admin must tick; a fee charged to the worker refuses the opportunity whatever else it says.
 */
public record OpportunityForm(
        String organisation,
        String title,
        String description,
        String occupation,
        List<String> skills,
        List<String> languageTag,
        List<String> languageLevel,
        String country,
        String place,
        String startsOn,
        String endsOn,
        String payMin,
        String payMax,
        String currency,
        String payPeriod,
        String workerFee,
        String noWorkerFees,
        String contractInLanguage,
        String workerKeepsDocuments) {

    public static final int LANGUAGE_ROWS = 3;
    public static final int TITLE_LENGTH = 200;
    public static final int DESCRIPTION_LENGTH = 5000;

    public OpportunityForm {
        organisation = strip(organisation);
        title = strip(title).replaceAll("\\s+", " ");
        description = strip(description);
        occupation = strip(occupation);
        skills = skills == null
                ? List.of()
                : skills.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
        languageTag = rows(languageTag);
        languageLevel = rows(languageLevel);
        country = strip(country);
        place = strip(place);
        startsOn = strip(startsOn);
        endsOn = strip(endsOn);
        payMin = strip(payMin);
        payMax = strip(payMax);
        currency = strip(currency).toUpperCase(java.util.Locale.ROOT);
        payPeriod = strip(payPeriod);
        workerFee = strip(workerFee);
    }

    static OpportunityForm blank() {
        return new OpportunityForm(
                "", "", "", "", null, null, null, "", "", "", "", "", "", "", "MONTH", "", null, null, null);
    }

    public boolean ticked(String checkbox) {
        return checkbox != null && !checkbox.isBlank();
    }

    List<String> languageCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < LANGUAGE_ROWS; i++) {
            if (!languageTag.get(i).isEmpty()) {
                codes.add(languageTag.get(i) + ":" + languageLevel.get(i));
            }
        }
        return codes;
    }

    private static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static List<String> rows(List<String> values) {
        List<String> rows = new ArrayList<>(LANGUAGE_ROWS);
        for (int i = 0; i < LANGUAGE_ROWS; i++) {
            String value = values != null && i < values.size() ? values.get(i) : null;
            rows.add(value == null ? "" : value.strip());
        }
        return List.copyOf(rows);
    }
}
