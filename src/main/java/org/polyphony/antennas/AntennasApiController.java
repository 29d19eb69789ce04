package org.polyphony.antennas;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumSessionId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The Regional Antennas as open data: hubs, meetings and published reports (citations as links) in JSON, and Atom
 * feeds of a hub's reports and meetings. Nothing here names a registrant, a member, or the author of a story; the
 * online link of a meeting is never in it. The edition's export ({@code /api/editions/{slug}/antennas}) holds all of
 * it at once; the schema is in docs/antennas.md.
 */
@RestController
class AntennasApiController {

    private final AntennaPlaces places;
    private final HubManagement hubs;
    private final Meetings meetings;
    private final Reports reports;
    private final HubOrganisations organisations;

    AntennasApiController(
            AntennaPlaces places,
            HubManagement hubs,
            Meetings meetings,
            Reports reports,
            HubOrganisations organisations) {
        this.organisations = organisations;
        this.places = places;
        this.hubs = hubs;
        this.meetings = meetings;
        this.reports = reports;
    }

    public record HubJson(
            long id,
            String name,
            String region,
            String language,
            List<String> workingLanguages,
            List<OrganisationJson> memberOrganisations,
            String url) {}

    /** A member organisation of a hub, as public as the directory's page of it. */
    public record OrganisationJson(long id, String name, String type, String url) {}

    public record MeetingJson(
            long id,
            Long hub,
            String kind,
            String title,
            String language,
            Instant startsAt,
            Instant endsAt,
            String timeZone,
            String mode,
            String place,
            Integer capacity,
            boolean cancelled,
            String minutes,
            List<String> outcomes,
            String url) {}

    public record CitationJson(String kind, String source, boolean withdrawn) {}

    public record KeyPointJson(int position, String text, List<CitationJson> citations) {}

    public record ReportJson(
            long id,
            long hub,
            String title,
            String introduction,
            String language,
            int version,
            Instant publishedAt,
            Instant submittedAt,
            List<String> sessions,
            List<KeyPointJson> keyPoints,
            String url) {}

    public record EditionAntennasJson(
            String edition, List<HubJson> hubs, List<MeetingJson> meetings, List<ReportJson> reports) {}

    @GetMapping("/api/editions/{slug}/antennas")
    EditionAntennasJson edition(@PathVariable String slug) {
        Edition edition = places.edition(slug);
        List<Hub> all = hubs.ofEdition(edition);
        return new EditionAntennasJson(
                slug,
                all.stream().map(this::hub).toList(),
                meetings.ofEdition(edition.id().value()).stream()
                        .map(AntennasApiController::meeting)
                        .toList(),
                reports.publishedOf(all.stream().map(Hub::id).toList()).stream()
                        .map(r -> report(edition, r))
                        .toList());
    }

    @GetMapping("/api/antennas/{id}")
    HubJson hub(@PathVariable long id) {
        return hub(places.hub(id).hub());
    }

    @GetMapping("/api/antennas/{id}/meetings")
    List<MeetingJson> meetings(@PathVariable long id) {
        places.hub(id);
        return meetings.ofHub(id).stream().map(AntennasApiController::meeting).toList();
    }

    @GetMapping("/api/antennas/{id}/reports")
    List<ReportJson> reports(@PathVariable long id) {
        AntennaPlaces.HubPlace place = places.hub(id);
        return reports.ofHub(place.hub()).stream()
                .filter(Report::published)
                .map(r -> report(place.edition(), r))
                .toList();
    }

    @GetMapping("/api/reports/{id}")
    ReportJson report(@PathVariable long id) {
        AntennaPlaces.ReportPlace place = places.report(id);
        if (!place.report().published()) {
            throw AntennaPlaces.notFound();
        }
        return report(place.edition(), place.report());
    }

    @GetMapping(value = "/antennas/{id}/reports.atom", produces = "application/atom+xml")
    ResponseEntity<String> reportsFeed(@PathVariable long id, HttpServletRequest request) {
        AntennaPlaces.HubPlace place = places.hub(id);
        List<Report> published =
                reports.ofHub(place.hub()).stream().filter(Report::published).toList();
        StringBuilder entries = new StringBuilder();
        for (Report r : published) {
            entry(
                    entries,
                    base(request) + "/reports/" + r.id(),
                    r.title(),
                    r.publishedAt(),
                    r.keyPoints().stream()
                            .map(Report.KeyPoint::text)
                            .reduce((a, b) -> a + "\n" + b)
                            .orElse(""));
        }
        return atom(place.hub().name(), base(request) + "/antennas/" + id, entries, request);
    }

    @GetMapping(value = "/antennas/{id}/meetings.atom", produces = "application/atom+xml")
    ResponseEntity<String> meetingsFeed(@PathVariable long id, HttpServletRequest request) {
        AntennaPlaces.HubPlace place = places.hub(id);
        StringBuilder entries = new StringBuilder();
        for (Meeting m : meetings.ofHub(id)) {
            entry(
                    entries,
                    base(request) + "/meetings/" + m.id(),
                    m.title(),
                    m.startsAt(),
                    MeetingTimes.inZone(m.startsAt(), m.zone(), Locale.ENGLISH)
                            + (m.place().isEmpty() ? "" : " · " + m.place()));
        }
        return atom(place.hub().name(), base(request) + "/antennas/" + id, entries, request);
    }

    private static ResponseEntity<String> atom(
            String title, String page, StringBuilder entries, HttpServletRequest request) {
        String feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
                + "<title>" + HtmlUtils.htmlEscape(title) + "</title>\n<id>" + page + "</id>\n"
                + "<link rel=\"alternate\" href=\"" + page + "\"/>\n<updated>" + Instant.now() + "</updated>\n"
                + entries + "</feed>\n";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/atom+xml;charset=UTF-8"))
                .body(feed);
    }

    private static void entry(StringBuilder out, String url, String title, Instant at, String summary) {
        out.append("<entry><title>")
                .append(HtmlUtils.htmlEscape(title))
                .append("</title><id>")
                .append(url)
                .append("</id><link href=\"")
                .append(url)
                .append("\"/><updated>")
                .append(at == null ? Instant.EPOCH : at)
                .append("</updated><summary>")
                .append(HtmlUtils.htmlEscape(summary))
                .append("</summary></entry>\n");
    }

    private static String base(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443
                        ? ""
                        : ":" + request.getServerPort());
    }

    private HubJson hub(Hub hub) {
        return new HubJson(
                hub.id(),
                hub.name(),
                hub.regionCode(),
                hub.language(),
                hub.workingLanguages(),
                organisations.members(hub).stream()
                        .map(o -> new OrganisationJson(
                                o.id().value(), o.name(), o.type().name(), "/organisations/" + o.id().value()))
                        .toList(),
                "/antennas/" + hub.id());
    }

    private static MeetingJson meeting(Meeting m) {
        return new MeetingJson(
                m.id(),
                m.hubId(),
                m.kind().name(),
                m.title(),
                m.language(),
                m.startsAt(),
                m.endsAt(),
                m.zone().getId(),
                m.mode().name(),
                m.place(),
                m.capacity(),
                m.cancelled(),
                m.minutes(),
                m.outcomeLines(),
                "/meetings/" + m.id());
    }

    /** Citations as links to their sources; withdrawn ones say so and link nowhere. */
    private ReportJson report(Edition edition, Report r) {
        var resolved = reports.citations(r, List.of(r.language())).stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.citation().id(), c -> c));
        return new ReportJson(
                r.id(),
                r.hubId(),
                r.title(),
                r.introduction(),
                r.language(),
                r.version(),
                r.publishedAt(),
                r.submittedAt(),
                r.sessionIds().stream()
                        .flatMap(s -> edition.sessionById(new ForumSessionId(s)).stream())
                        .map(Edition.ForumSession::code)
                        .toList(),
                r.keyPoints().stream()
                        .map(k -> new KeyPointJson(
                                k.position(),
                                k.text(),
                                k.citations().stream()
                                        .map(c -> {
                                            ResolvedCitation shown = resolved.get(c.id());
                                            return new CitationJson(
                                                    c.kind().name(),
                                                    shown.withdrawn() ? null : shown.href(),
                                                    shown.withdrawn());
                                        })
                                        .toList()))
                        .toList(),
                "/reports/" + r.id());
    }
}
