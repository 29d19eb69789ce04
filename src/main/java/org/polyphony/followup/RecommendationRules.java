package org.polyphony.followup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.polyphony.languages.Countries;
import org.polyphony.people.OrganisationChoice;
import org.polyphony.people.PeopleManagement;
import org.springframework.stereotype.Component;

/**
 * Checks a recommendation's fields, the same way for the form and for each CSV row, and resolves names and codes.
 * Problems are message keys by field, so the form shows them next to the field and the import names the column.
 */
@Component
class RecommendationRules {

    /** Where a problem is reported: a form's field, or a CSV cell. */
    interface Problems {
        void add(String field, String key, Object... args);
    }

    record Resolved(
            String theme,
            String title,
            String body,
            List<String> addressees,
            List<Long> organisations,
            List<String> countries,
            List<String> frameworks,
            java.time.LocalDate madeOn) {}

    private final PeopleManagement people;
    private final Frameworks frameworks;

    RecommendationRules(PeopleManagement people, Frameworks frameworks) {
        this.people = people;
        this.frameworks = frameworks;
    }

    Optional<Resolved> check(RecommendationForm form, Problems problems) {
        boolean ok = true;
        String theme = RecommendationForm.text(form.theme());
        if (!FollowupThemes.isKnown(theme)) {
            problems.add("theme", theme.isEmpty() ? "followup.theme.required" : "followup.theme.unknown", theme);
            ok = false;
        }
        String title = RecommendationForm.text(form.title());
        if (title.isEmpty()) {
            problems.add("title", "followup.title.required");
            ok = false;
        } else if (title.length() > 300) {
            problems.add("title", "followup.title.length");
            ok = false;
        }
        String body = RecommendationForm.text(form.body());
        if (body.length() > 8000) {
            problems.add("body", "followup.body.length");
            ok = false;
        }
        List<String> addressees = form.addresseesOrNone().stream()
                .map(RecommendationForm::text)
                .filter(a -> !a.isEmpty())
                .distinct()
                .toList();
        for (String addressee : addressees) {
            if (!Addressees.isKnown(addressee)) {
                problems.add("addressees", "followup.addressee.unknown", addressee);
                ok = false;
            }
        }
        List<Long> organisations = new ArrayList<>();
        for (String name : RecommendationForm.text(form.organisations()).split(";")) {
            if (name.isBlank()) {
                continue;
            }
            Optional<OrganisationChoice> found = people.organisationNamed(name);
            if (found.isEmpty()) {
                problems.add("organisations", "followup.organisation.unknown", name.strip());
                ok = false;
            } else if (!organisations.contains(found.get().id())) {
                organisations.add(found.get().id());
            }
        }
        List<String> countries = new ArrayList<>();
        for (String code : form.countriesOrNone()) {
            if (RecommendationForm.text(code).isEmpty()) {
                continue;
            }
            Optional<String> known = Countries.normalise(code.strip());
            if (known.isEmpty()) {
                problems.add("countries", "followup.country.unknown", code.strip());
                ok = false;
            } else if (!countries.contains(known.get())) {
                countries.add(known.get());
            }
        }
        Set<String> knownFrameworks = frameworks.codes();
        List<String> tags = form.frameworksOrNone().stream()
                .map(RecommendationForm::text)
                .filter(t -> !t.isEmpty())
                .distinct()
                .toList();
        for (String tag : tags) {
            if (!knownFrameworks.contains(tag)) {
                problems.add("frameworks", "followup.framework.unknown", tag);
                ok = false;
            }
        }
        String day = RecommendationForm.text(form.madeOn());
        java.time.LocalDate madeOn = null;
        if (!day.isEmpty()) {
            try {
                madeOn = java.time.LocalDate.parse(day);
            } catch (java.time.format.DateTimeParseException e) {
                madeOn = null;
            }
            if (madeOn == null || madeOn.getYear() < 1900 || madeOn.getYear() > 2200) {
                problems.add("madeOn", "followup.madeOn.invalid", day);
                ok = false;
            }
        }
        return ok
                ? Optional.of(new Resolved(theme, title, body, addressees, organisations, countries, tags, madeOn))
                : Optional.empty();
    }
}
