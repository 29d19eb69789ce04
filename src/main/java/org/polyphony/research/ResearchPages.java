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

    @GetMapping("/editions/{slug}/participation")
    String participation(@PathVariable String slug, Model model) {
        if (!accounts.signedInAs(Role.ORGANISER)) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        Edition edition = forums.edition(slug, true).orElseThrow(ResearchController::notFound);
        model.addAttribute("edition", edition);
        model.addAttribute("figures", dashboard.of(edition));
        return "research/participation";
    }

    /** The edition page links to the library and the dashboard; a session page lists the publications informing it. */
    @Component
    static class Contributions implements ForumPageContributions {

        private final Library library;
        private final AccountDirectory accounts;

        Contributions(Library library, AccountDirectory accounts) {
            this.library = library;
            this.accounts = accounts;
        }

        @Override
        public List<Link> editionLinks(Edition edition, Page page) {
            Link libraryLink = new Link(page.t("research.library.title"), "/research/library");
            Link datasets = new Link(page.t("research.datasets.title"), "/research/datasets");
            if (!accounts.signedInAs(Role.ORGANISER)) return List.of(libraryLink, datasets);
            return List.of(
                    libraryLink,
                    datasets,
                    new Link(page.t("research.participation.title"), "/editions/" + edition.slug() + "/participation"));
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
