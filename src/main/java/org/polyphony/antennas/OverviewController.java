package org.polyphony.antennas;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.polyphony.dialogue.ThreadReferences;
import org.polyphony.forums.Edition;
import org.polyphony.statistics.SmallCells;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The organisers' overview of an edition: a hubs × sessions matrix of published reports (as SVG and as a table),
 * the participation behind each cell (distinct participants under the small-cell rule, posts, languages), and
 * the sessions without any regional input yet.
 */
@Controller
class OverviewController {

    private final AntennaPlaces places;
    private final HubManagement hubs;
    private final Reports reports;
    private final ThreadReferences threads;
    private final SmallCells smallCells;

    OverviewController(
            AntennaPlaces places,
            HubManagement hubs,
            Reports reports,
            ThreadReferences threads,
            SmallCells smallCells) {
        this.places = places;
        this.hubs = hubs;
        this.reports = reports;
        this.threads = threads;
        this.smallCells = smallCells;
    }

    @GetMapping("/editions/{slug}/antennas/overview")
    String overview(@PathVariable String slug, Model model, Locale locale) {
        if (!places.organiser()) {
            throw new AccessDeniedException("organisers only");
        }
        Edition edition = places.edition(slug);
        List<Hub> all = hubs.ofEdition(edition);
        List<Edition.ForumSession> sessions = edition.roundtables().stream()
                .flatMap(r -> r.sessions().stream())
                .toList();
        List<Report> published = reports.publishedOf(all.stream().map(Hub::id).toList());
        List<OverviewViews.Row> rows = new ArrayList<>();
        for (Hub hub : all) {
            List<OverviewViews.Cell> cells = new ArrayList<>();
            for (Edition.ForumSession session : sessions) {
                long count = published.stream()
                        .filter(r -> r.hubId() == hub.id()
                                && r.sessionIds().contains(session.id().value()))
                        .count();
                var participation =
                        threads.participation(hubs.threadIds(hub, session.id().value()));
                cells.add(new OverviewViews.Cell(
                        session.code(),
                        count,
                        smallCells.shown(participation.participants()),
                        participation.posts(),
                        participation.languages()));
            }
            rows.add(new OverviewViews.Row(hub.id(), hub.name(), cells));
        }
        List<String> uncovered = sessions.stream()
                .filter(s -> published.stream().noneMatch(r -> r.sessionIds().contains(s.id().value())))
                .map(Edition.ForumSession::code)
                .toList();
        model.addAttribute("edition", edition);
        model.addAttribute(
                "codes", sessions.stream().map(Edition.ForumSession::code).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("uncovered", uncovered);
        model.addAttribute(
                "svg",
                OverviewViews.svg(
                        rows, sessions.stream().map(Edition.ForumSession::code).toList()));
        return "antennas/overview";
    }
}
