package org.polyphony.antennas;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.polyphony.forums.Edition;
import org.springframework.stereotype.Service;

/**
 * The key points of an edition's published rapporteur reports, for other modules (the follow-up of recommendations
 * turns a key point into a recommendation that links back to it). Drafts and reports under review are not offered.
 */
@Service
public class PublishedKeyPoints {

    private final HubManagement hubs;
    private final Reports reports;

    PublishedKeyPoints(HubManagement hubs, Reports reports) {
        this.hubs = hubs;
        this.reports = reports;
    }

    /** A published report with its key points in order; {@code url} is the report's page, a local path. */
    public record PublishedReport(
            long id, long editionId, String hub, String title, String language, String url, List<Point> points) {}

    /** A key point; {@code url} is its place on the report's page. */
    public record Point(long id, int position, String text, String url) {}

    /** The edition's published reports, hub by hub. */
    public List<PublishedReport> ofEdition(Edition edition) {
        Map<Long, Hub> byId = hubs.ofEdition(edition).stream().collect(Collectors.toMap(Hub::id, Function.identity()));
        return reports.publishedOf(List.copyOf(byId.keySet())).stream()
                .map(r -> published(edition, byId.get(r.hubId()), r))
                .toList();
    }

    /** One published report of the edition, or empty when it is not published or belongs to another edition. */
    public Optional<PublishedReport> report(Edition edition, long reportId) {
        return ofEdition(edition).stream().filter(r -> r.id() == reportId).findFirst();
    }

    private static PublishedReport published(Edition edition, Hub hub, Report report) {
        String url = "/reports/" + report.id();
        return new PublishedReport(
                report.id(),
                edition.id().value(),
                hub.name(),
                report.title(),
                report.language(),
                url,
                report.keyPoints().stream()
                        .map(k -> new Point(k.id(), k.position(), k.text(), url + "#point-" + k.id()))
                        .toList());
    }
}
