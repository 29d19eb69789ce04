package org.polyphony.antennas;

import java.util.List;
import java.util.Optional;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumPageContributions;
import org.polyphony.languages.LocalizedText;
import org.polyphony.web.Page;
import org.springframework.stereotype.Component;

/**
 * The Regional Antennas on the agenda's pages: a link to the edition's hubs, and on each session its "Regional
 * inputs" — the published reports that address it, with their hub, key points and the number of sources.
 */
@Component
class AntennasPageContributions implements ForumPageContributions {

    private final HubManagement hubs;
    private final Reports reports;

    AntennasPageContributions(HubManagement hubs, Reports reports) {
        this.hubs = hubs;
        this.reports = reports;
    }

    @Override
    public List<Link> editionLinks(Edition edition, Page page) {
        return List.of(new Link(page.t("antennas.hubs.title"), "/editions/" + edition.slug() + "/antennas"));
    }

    @Override
    public List<Link> sessionLinks(Edition edition, Edition.ForumSession session, Page page) {
        return List.of(new Link(page.t("antennas.hubs.title"), "/editions/" + edition.slug() + "/antennas"));
    }

    @Override
    public Optional<Section> sessionSection(Edition edition, Edition.ForumSession session, Page page) {
        List<Report> published = reports.publishedFor(session.id().value());
        if (published.isEmpty()) {
            return Optional.empty();
        }
        List<Item> items = published.stream()
                .flatMap(report -> hubs.find(report.hubId()).stream()
                        .map(hub -> new Item(
                                new LocalizedText.Shown(report.title(), report.language()),
                                "/reports/" + report.id(),
                                hub.name() + " · " + page.t("antennas.report.sourceCount", report.sources()),
                                report.keyPoints().stream()
                                        .map(k -> new LocalizedText.Shown(k.text(), report.language()))
                                        .toList())))
                .toList();
        return Optional.of(new Section(page.t("antennas.regionalInputs"), items, Optional.empty()));
    }

    @Override
    public int order() {
        return 10;
    }
}
