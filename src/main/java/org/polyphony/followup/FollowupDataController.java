package org.polyphony.followup;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.forums.Edition;
import org.polyphony.web.CsvField;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The follow-up for machines and for print: the JSON API, Atom feeds of progress updates, open-data exports in
 * CSV and JSON (schema in docs/followup.md), and an edition's printable report card.
 */
@Controller
class FollowupDataController {

    private final OpenFollowup open;
    private final FollowupPlaces places;
    private final CommitmentStore commitments;
    private final RecommendationStore recommendations;
    private final IndicatorStore indicators;
    private final Dashboard dashboard;
    private final FollowupReading reading;
    private final String baseUrl;

    FollowupDataController(
            OpenFollowup open,
            FollowupPlaces places,
            CommitmentStore commitments,
            RecommendationStore recommendations,
            IndicatorStore indicators,
            Dashboard dashboard,
            FollowupReading reading,
            @Value("${polyphony.base-url:http://localhost:8080}") String baseUrl) {
        this.open = open;
        this.places = places;
        this.commitments = commitments;
        this.recommendations = recommendations;
        this.indicators = indicators;
        this.dashboard = dashboard;
        this.reading = reading;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    @GetMapping(value = "/api/followup/recommendations", produces = "application/json")
    @ResponseBody
    List<OpenFollowup.OpenRecommendation> apiList(
            @RequestParam(name = "edition", required = false) String edition,
            @RequestParam(name = "theme", required = false) String theme,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "addressee", required = false) String addressee) {
        return open.recommendations(filter(edition, theme, status, addressee));
    }

    @GetMapping(value = "/api/followup/recommendations/{id}", produces = "application/json")
    @ResponseBody
    OpenFollowup.OpenRecommendation apiOne(@PathVariable long id) {
        Recommendation r = places.recommendation(id);
        return open.recommendations(new RecommendationStore.Filter(r.editionId(), null, null, null)).stream()
                .filter(o -> o.id() == id)
                .findFirst()
                .orElseThrow(FollowupPlaces::notFound);
    }

    record OpenEvidence(String link, String download, String fileName, String mediaType, Integer size) {}

    record OpenReaction(
            String stance, String organisation, String text, java.time.Instant at, List<OpenEvidence> evidence) {}

    record OpenUpdate(
            long id,
            String level,
            String standing,
            String text,
            String language,
            java.time.Instant at,
            java.time.Instant verifiedAt,
            List<OpenEvidence> evidence,
            List<OpenReaction> reactions) {}

    record OpenCommitmentDetail(OpenFollowup.OpenCommitment commitment, List<OpenUpdate> updates) {}

    @GetMapping(value = "/api/followup/commitments/{id}", produces = "application/json")
    @ResponseBody
    OpenCommitmentDetail apiCommitment(@PathVariable long id) {
        Commitment commitment = places.commitment(id);
        FollowupReading.CommitmentSummary summary =
                reading.summaries(List.of(commitment.recommendationId()), Locale.ENGLISH).stream()
                        .filter(c -> c.commitment().id() == id)
                        .findFirst()
                        .orElseThrow(FollowupPlaces::notFound);
        List<OpenUpdate> updates = reading.updates(commitment, List.of()).stream()
                .map(u -> new OpenUpdate(
                        u.update().id(),
                        u.update().level().name(),
                        u.standing().name(),
                        u.update().body(),
                        u.update().language(),
                        u.update().createdAt(),
                        u.update().verifiedAt(),
                        evidence(u.evidence()),
                        u.reactions().stream()
                                .map(r -> new OpenReaction(
                                        r.reaction().stance().name(),
                                        r.organisation(),
                                        r.reaction().body(),
                                        r.reaction().createdAt(),
                                        evidence(r.evidence())))
                                .toList()))
                .toList();
        return new OpenCommitmentDetail(OpenFollowup.commitment(summary), updates);
    }

    private static List<OpenEvidence> evidence(List<Evidence> evidence) {
        return evidence.stream()
                .map(e -> new OpenEvidence(
                        e.link(),
                        e.file() ? "/followup/evidence/" + e.id() : null,
                        e.fileName(),
                        e.mediaType(),
                        e.size()))
                .toList();
    }

    record OpenIndicator(Indicator indicator, List<IndicatorValue> values, Integer percentOfWay) {}

    @GetMapping(value = "/api/followup/indicators/{id}", produces = "application/json")
    @ResponseBody
    OpenIndicator apiIndicator(@PathVariable long id) {
        Indicator indicator = indicators.find(id).orElseThrow(FollowupPlaces::notFound);
        return new OpenIndicator(
                indicator, indicators.values(id), dashboard.progress(indicator).percentOfWay());
    }

    @GetMapping(value = "/api/followup/dashboard", produces = "application/json")
    @ResponseBody
    Dashboard.Figures apiDashboard(
            @RequestParam(name = "edition", required = false) String edition,
            @RequestParam(name = "theme", required = false) String theme,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "addressee", required = false) String addressee) {
        return dashboard
                .of(filter(edition, theme, status, addressee), Locale.ENGLISH)
                .figures();
    }

    @GetMapping(value = "/followup/export/recommendations.json", produces = "application/json")
    ResponseEntity<List<OpenFollowup.OpenRecommendation>> exportJson(
            @RequestParam(name = "edition", required = false) String edition) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"recommendations.json\"")
                .body(open.recommendations(filter(edition, null, null, null)));
    }

    @GetMapping("/followup/export/recommendations.csv")
    ResponseEntity<String> recommendationsCsv(@RequestParam(name = "edition", required = false) String edition) {
        StringBuilder csv = new StringBuilder(
                "id,edition,theme,title,status,addressees,addressee_organisations,addressee_countries,frameworks,"
                        + "made_on,source_kind,source_title,source_url,carried_from,line_id,commitments\r\n");
        for (OpenFollowup.OpenRecommendation r : open.recommendations(filter(edition, null, null, null))) {
            csv.append(r.id())
                    .append(',')
                    .append(r.edition())
                    .append(',')
                    .append(r.theme())
                    .append(',')
                    .append(CsvField.of(r.title()))
                    .append(',')
                    .append(r.status())
                    .append(',')
                    .append(String.join(" ", r.addressees()))
                    .append(',')
                    .append(CsvField.of(String.join("; ", r.addresseeOrganisations())))
                    .append(',')
                    .append(String.join(" ", r.addresseeCountries()))
                    .append(',')
                    .append(String.join(" ", r.frameworks()))
                    .append(',')
                    .append(r.madeOn() == null ? "" : r.madeOn())
                    .append(',')
                    .append(r.provenance().kind())
                    .append(',')
                    .append(CsvField.of(r.provenance().title()))
                    .append(',')
                    .append(CsvField.of(r.provenance().url()))
                    .append(',')
                    .append(r.carriedFrom() == null ? "" : r.carriedFrom())
                    .append(',')
                    .append(r.lineId())
                    .append(',')
                    .append(r.commitments().size())
                    .append("\r\n");
        }
        return csv(csv, "recommendations.csv");
    }

    @GetMapping("/followup/export/commitments.csv")
    ResponseEntity<String> commitmentsCsv(@RequestParam(name = "edition", required = false) String edition) {
        StringBuilder csv = new StringBuilder(
                "id,recommendation_id,edition,committer,organisation_id,state_country,due_on,responsible,indicator_id,"
                        + "claimed_level,standing,overdue,updates\r\n");
        for (OpenFollowup.OpenRecommendation r : open.recommendations(filter(edition, null, null, null))) {
            for (OpenFollowup.OpenCommitment c : r.commitments()) {
                csv.append(c.id())
                        .append(',')
                        .append(c.recommendationId())
                        .append(',')
                        .append(r.edition())
                        .append(',')
                        .append(CsvField.of(c.committer()))
                        .append(',')
                        .append(c.organisationId() == null ? "" : c.organisationId())
                        .append(',')
                        .append(c.stateCountry() == null ? "" : c.stateCountry())
                        .append(',')
                        .append(c.dueOn())
                        .append(',')
                        .append(CsvField.of(c.responsible()))
                        .append(',')
                        .append(c.indicatorId() == null ? "" : c.indicatorId())
                        .append(',')
                        .append(c.claimedLevel())
                        .append(',')
                        .append(c.standing() == null ? "" : c.standing())
                        .append(',')
                        .append(c.overdue())
                        .append(',')
                        .append(c.updates())
                        .append("\r\n");
            }
        }
        return csv(csv, "commitments.csv");
    }

    @GetMapping(value = "/followup/updates.atom", produces = "application/atom+xml")
    ResponseEntity<String> feed() {
        return atom(null, "/followup");
    }

    @GetMapping(value = "/editions/{slug}/followup/updates.atom", produces = "application/atom+xml")
    ResponseEntity<String> editionFeed(@PathVariable String slug) {
        Edition edition = places.edition(slug);
        return atom(edition, "/editions/" + slug + "/followup");
    }

    @GetMapping("/editions/{slug}/followup/report-card")
    String reportCard(@PathVariable String slug, Model model, Locale locale) {
        Edition edition = places.edition(slug);
        model.addAttribute("edition", edition);
        model.addAttribute(
                "shown",
                dashboard.of(new RecommendationStore.Filter(edition.id().value(), null, null, null), locale));
        return "followup/report-card";
    }

    private ResponseEntity<String> atom(Edition edition, String path) {
        List<Long> visible = places.editions().stream().map(e -> e.id().value()).toList();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">")
                .append("<title>")
                .append(escape(
                        edition == null
                                ? "Polyphony follow-up"
                                : "Polyphony follow-up: "
                                        + edition.name().in(Locale.ENGLISH).text()))
                .append("</title><id>")
                .append(baseUrl)
                .append(path)
                .append("</id><link rel=\"alternate\" href=\"")
                .append(baseUrl)
                .append(path)
                .append("\"/>");
        List<ProgressUpdate> latest =
                commitments.latestUpdates(edition == null ? null : edition.id().value(), 50);
        xml.append("<updated>")
                .append((latest.isEmpty()
                                ? java.time.Instant.EPOCH
                                : latest.getFirst().createdAt())
                        .atOffset(ZoneOffset.UTC))
                .append("</updated>");
        for (ProgressUpdate u : latest) {
            Optional<Commitment> c = commitments.commitment(u.commitmentId());
            Optional<Recommendation> r = c.flatMap(m -> recommendations.find(m.recommendationId()));
            if (r.isEmpty() || !visible.contains(r.get().editionId())) {
                continue;
            }
            String link = baseUrl + "/followup/commitments/" + u.commitmentId() + "#update-" + u.id();
            xml.append("<entry><id>")
                    .append(baseUrl)
                    .append("/followup/updates/")
                    .append(u.id())
                    .append("</id><title>")
                    .append(escape(u.level().name() + ": " + r.get().title()))
                    .append("</title><link href=\"")
                    .append(link)
                    .append("\"/><updated>")
                    .append(u.createdAt().atOffset(ZoneOffset.UTC))
                    .append("</updated><content type=\"text\" xml:lang=\"")
                    .append(escape(u.language()))
                    .append("\">")
                    .append(escape(u.body()))
                    .append("</content></entry>");
        }
        xml.append("</feed>");
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
                .body(xml.toString());
    }

    private RecommendationStore.Filter filter(String edition, String theme, String status, String addressee) {
        Long editionId = null;
        if (edition != null && !edition.isBlank()) {
            editionId = places.editions().stream()
                    .filter(e -> e.slug().equals(edition))
                    .findFirst()
                    .map(e -> e.id().value())
                    .orElse(-1L);
        }
        return new RecommendationStore.Filter(
                editionId,
                FollowupThemes.isKnown(theme) ? theme : null,
                RecommendationStatus.of(status).orElse(null),
                Addressees.isKnown(addressee) ? addressee : null);
    }

    private static ResponseEntity<String> csv(StringBuilder csv, String name) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(csv.toString());
    }

    private static String escape(String text) {
        return text == null
                ? ""
                : text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "")
                        .replace("&", "&amp;")
                        .replace("<", "&lt;")
                        .replace(">", "&gt;")
                        .replace("\"", "&quot;");
    }
}
