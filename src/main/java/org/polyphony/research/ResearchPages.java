package org.polyphony.research;

import java.util.List;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.Role;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.forums.ForumPageContributions;
import org.polyphony.languages.LocalizedText;
import org.polyphony.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The participation dashboard of an edition (organisers), and what research adds to the forum's pages. */
@Controller
class ResearchPages {

    private final ForumManagement forums;
    private final AccountDirectory accounts;
    private final ParticipationDashboard dashboard;

    ResearchPages(ForumManagement forums, AccountDirectory accounts, ParticipationDashboard dashboard) {
        this.forums = forums;
        this.accounts = accounts;
        this.dashboard = dashboard;
    }

    /** Organisers always; everyone once the organisers published it. */
    @GetMapping("/editions/{slug}/participation")
    String participation(@PathVariable String slug, Model model) {
        boolean organiser = accounts.signedInAs(Role.ORGANISER);
        Edition edition = forums.edition(slug, organiser).orElseThrow(ResearchController::notFound);
        boolean published = dashboard.isPublic(edition.id().value());
        if (!organiser && !published) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        model.addAttribute("edition", edition);
        model.addAttribute("figures", dashboard.of(edition));
        model.addAttribute("organiser", organiser);
        model.addAttribute("published", published);
        return "research/participation";
    }

    @PostMapping("/editions/{slug}/participation/visibility")
    String publish(@PathVariable String slug, @RequestParam(name = "public", defaultValue = "") String visible) {
        if (!accounts.signedInAs(Role.ORGANISER)) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        Edition edition = forums.edition(slug, true).orElseThrow(ResearchController::notFound);
        dashboard.publish(edition.id().value(), "true".equals(visible));
        return "redirect:/editions/" + slug + "/participation";
    }

    /** The edition page links to the library and the dashboard; a session page lists the publications informing it. */
    @Component
    static class Contributions implements ForumPageContributions {

        private final Library library;
        private final AccountDirectory accounts;
        private final ParticipationDashboard dashboard;
        private final ResearchAgenda agenda;

        Contributions(
                Library library, AccountDirectory accounts, ParticipationDashboard dashboard, ResearchAgenda agenda) {
            this.library = library;
            this.accounts = accounts;
            this.dashboard = dashboard;
            this.agenda = agenda;
        }

        @Override
        public List<Link> editionLinks(Edition edition, Page page) {
            List<Link> links = new java.util.ArrayList<>(List.of(
                    new Link(page.t("research.library.title"), "/research/library"),
                    new Link(page.t("research.datasets.title"), "/research/datasets"),
                    new Link(page.t("research.agenda.title"), agendaOf(edition))));
            if (accounts.signedInAs(Role.ORGANISER)
                    || dashboard.isPublic(edition.id().value())) {
                links.add(new Link(
                        page.t("research.participation.title"), "/editions/" + edition.slug() + "/participation"));
            }
            return links;
        }

        /** The research agenda is linked from its session: 3.1 in the concept note, or where its conversation is. */
        @Override
        public List<Link> sessionLinks(Edition edition, Edition.ForumSession session, Page page) {
            Long agendaSession = agenda.state(edition.id().value()).sessionId();
            boolean here = agendaSession == null
                    ? AgendaController.RESEARCH_SESSION.equals(session.code())
                    : agendaSession == session.id().value();
            if (!here) return List.of();
            return List.of(new Link(page.t("research.agenda.title"), agendaOf(edition)));
        }

        private static String agendaOf(Edition edition) {
            return "/editions/" + edition.slug() + "/research-agenda";
        }

        @Override
        public Optional<Section> sessionSection(Edition edition, Edition.ForumSession session, Page page) {
            List<Publication> informing = library.informing(session.id().value());
            if (informing.isEmpty()) return Optional.empty();
            List<Item> items = informing.stream()
                    .map(p -> new Item(
                            LocalizedText.of(p.language(), p.title()).in(page.locale()),
                            "/research/library/" + p.id(),
                            String.join(", ", p.authors()) + (p.year() == null ? "" : " · " + p.year()),
                            List.of()))
                    .toList();
            return Optional.of(new Section(
                    page.t("research.session.heading"),
                    items,
                    Optional.of(new Link(page.t("research.library.title"), "/research/library"))));
        }

        @Override
        public int order() {
            return 50;
        }
    }
}
