package org.polyphony.followup;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polyphony.forums.Edition;
import org.polyphony.people.PeopleManagement;
import org.springframework.stereotype.Component;

/**
 * The follow-up as open data (API, JSON and CSV exports): recommendations and commitments with their figures.
 * Organisations are named, because they speak publicly; no person who typed an update or a reaction is.
 */
@Component
class OpenFollowup {

    record OpenProvenance(String kind, Long sourceId, String title, String url) {}

    record OpenCommitment(
            long id,
            long recommendationId,
            String committer,
            Long organisationId,
            String stateCountry,
            String action,
            LocalDate dueOn,
            String responsible,
            Long indicatorId,
            String claimedLevel,
            String standing,
            boolean overdue,
            int updates) {}

    record OpenRecommendation(
            long id,
            String edition,
            String theme,
            String title,
            String body,
            String language,
            List<String> addressees,
            List<String> addresseeOrganisations,
            List<String> addresseeCountries,
            List<String> frameworks,
            String status,
            java.time.LocalDate madeOn,
            OpenProvenance provenance,
            Long carriedFrom,
            long lineId,
            List<OpenCommitment> commitments) {}

    private final Dashboard dashboard;
    private final FollowupPlaces places;
    private final PeopleManagement people;

    OpenFollowup(Dashboard dashboard, FollowupPlaces places, PeopleManagement people) {
        this.dashboard = dashboard;
        this.places = places;
        this.people = people;
    }

    List<OpenRecommendation> recommendations(RecommendationStore.Filter filter) {
        Dashboard.Shown shown = dashboard.of(filter, Locale.ENGLISH);
        Map<Long, String> slugs = places.editions().stream()
                .collect(java.util.stream.Collectors.toMap(e -> e.id().value(), Edition::slug));
        Map<Long, String> names = people.organisationNames(shown.recommendations().stream()
                .flatMap(r -> r.addresseeOrganisations().stream())
                .toList());
        return shown.recommendations().stream()
                .filter(r -> slugs.containsKey(r.editionId()))
                .map(r -> new OpenRecommendation(
                        r.id(),
                        slugs.get(r.editionId()),
                        r.theme(),
                        r.title(),
                        r.body(),
                        r.language(),
                        r.addressees(),
                        r.addresseeOrganisations().stream()
                                .map(id -> names.getOrDefault(id, "—"))
                                .toList(),
                        r.addresseeCountries(),
                        r.frameworks(),
                        r.status().name(),
                        r.madeOn(),
                        new OpenProvenance(
                                r.provenance().kind().name(),
                                r.provenance().sourceId(),
                                r.provenance().title(),
                                r.provenance().url()),
                        r.carriedFrom(),
                        r.lineId(),
                        shown.commitments().stream()
                                .filter(c -> c.commitment().recommendationId() == r.id())
                                .map(OpenFollowup::commitment)
                                .toList()))
                .toList();
    }

    static OpenCommitment commitment(FollowupReading.CommitmentSummary c) {
        Commitment m = c.commitment();
        return new OpenCommitment(
                m.id(),
                m.recommendationId(),
                c.committer(),
                m.organisationId(),
                m.stateCountry(),
                m.action(),
                m.dueOn(),
                m.responsible(),
                m.indicatorId(),
                c.claimed() == null ? Dashboard.NO_UPDATE : c.claimed().name(),
                c.standing() == null ? null : c.standing().name(),
                c.overdue(),
                c.updates());
    }
}
