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
                old.frameworks());
        long id = store.insert(to.value(), copy, old.language(), old.provenance(), old.id());
        store.setStatus(old.id(), RecommendationStatus.CARRIED_OVER);
        return Optional.of(id);
    }

    private String language(RecommendationRules.Resolved r) {
        return detection.detect(r.title() + "\n" + r.body(), List.of()).tag();
    }
}
