package org.polyphony.followup;

import java.util.List;
import java.util.Optional;
import org.polyphony.forums.EditionId;
import org.polyphony.translation.LanguageDetection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * The follow-up module's entry point for recommendations: from the organiser's form, a CSV import, and (for the
 * consultation and regional-report modules to call) any other source, each keeping its provenance; and the carry
 * over of a recommendation to a later edition.
 */
@Service
public class FollowupManagement {

    private final RecommendationRules rules;
    private final RecommendationStore store;
    private final RecommendationImport csv;
    private final LanguageDetection detection;

    FollowupManagement(
            RecommendationRules rules,
            RecommendationStore store,
            RecommendationImport csv,
            LanguageDetection detection) {
        this.rules = rules;
        this.store = store;
        this.csv = csv;
        this.detection = detection;
    }

    /**
     * Keeps a recommendation of {@code edition} from {@code provenance} (a consultation's paragraph, a report's key
     * point…); empty, with the problems in {@code errors}, when a field is refused.
     */
    @Transactional
    public Optional<Long> recommend(EditionId edition, RecommendationForm form, Provenance provenance, Errors errors) {
        Optional<RecommendationRules.Resolved> ok =
                rules.check(form, (field, key, args) -> errors.rejectValue(field, key, args, null));
        if (ok.isEmpty()) {
            return Optional.empty();
        }
        if (store.titleTaken(edition.value(), ok.get().title())) {
            errors.rejectValue("title", "followup.title.taken");
            return Optional.empty();
        }
        return Optional.of(store.insert(edition.value(), ok.get(), language(ok.get()), provenance, null));
    }

    /** A paragraph or key point chosen to become a recommendation, as the organiser typed its fields. */
    record Chosen(String key, RecommendationForm form, Provenance provenance) {}

    /** A refused field of one chosen item: {@code code} is a message key. */
    record RowProblem(String key, String field, String code, Object... args) {}

    /** The recommendations kept, or (none kept) every problem. */
    record Batch(List<Long> ids, List<RowProblem> problems) {}

    /**
     * Keeps a recommendation for each chosen paragraph or key point, linked back to it, or none at all: every item
     * is checked first (its fields, a title twice or already in the edition, an item that became a recommendation
     * meanwhile).
     */
    @Transactional
    Batch recommendEach(EditionId edition, List<Chosen> chosen) {
        List<RowProblem> problems = new java.util.ArrayList<>();
        List<RecommendationRules.Resolved> resolved = new java.util.ArrayList<>();
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (Chosen c : chosen) {
            Optional<RecommendationRules.Resolved> ok = rules.check(
                    c.form(), (field, key, args) -> problems.add(new RowProblem(c.key(), field, key, args)));
            if (ok.isEmpty()) {
                continue;
            }
            String title = ok.get().title();
            if (!titles.add(title.toLowerCase(java.util.Locale.ROOT))) {
                problems.add(new RowProblem(c.key(), "title", "followup.sources.title.twice"));
            } else if (store.titleTaken(edition.value(), title)) {
                problems.add(new RowProblem(c.key(), "title", "followup.title.taken"));
            } else if (!store.madeFrom(
                            edition.value(),
                            c.provenance().kind(),
                            List.of(c.provenance().url()))
                    .isEmpty()) {
                problems.add(new RowProblem(c.key(), "chosen", "followup.sources.made"));
            }
            resolved.add(ok.get());
        }
        if (!problems.isEmpty()) {
            return new Batch(List.of(), problems);
        }
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            RecommendationRules.Resolved r = resolved.get(i);
            ids.add(store.insert(edition.value(), r, language(r), chosen.get(i).provenance(), null));
        }
        return new Batch(ids, List.of());
    }

    /** Checks a whole CSV file and keeps its rows only when every one is right. */
    @Transactional
    RecommendationImport.Checked importCsv(EditionId edition, byte[] file, String fileName) {
        RecommendationImport.Checked checked = csv.check(edition.value(), file);
        if (checked.problems().isEmpty()) {
            Provenance from = Provenance.csv(fileName);
            for (RecommendationRules.Resolved row : checked.rows()) {
                store.insert(edition.value(), row, language(row), from, null);
            }
        }
        return checked;
    }

    /**
     * Carries a recommendation over to a later edition: a new recommendation there, linked to the old one and in
     * its line of work; the old one is marked carried over. Empty when it was carried over already.
     */
    @Transactional
    Optional<Long> carryOver(Recommendation old, EditionId to) {
        if (store.carriedOverBy(old.id()).isPresent() || old.editionId() == to.value()) {
            return Optional.empty();
        }
        if (store.titleTaken(to.value(), old.title())) {
            return Optional.empty();
        }
        var copy = new RecommendationRules.Resolved(
                old.theme(),
                old.title(),
                old.body(),
                old.addressees(),
                old.addresseeOrganisations(),
                old.addresseeCountries(),
                old.frameworks(),
                old.madeOn());
        long id = store.insert(to.value(), copy, old.language(), old.provenance(), old.id());
        store.setStatus(old.id(), RecommendationStatus.CARRIED_OVER);
        return Optional.of(id);
    }

    private String language(RecommendationRules.Resolved r) {
        return detection.detect(r.title() + "\n" + r.body(), List.of()).tag();
    }
}
