package org.polyphony.forums;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.web.Page;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public pages: the home page with every edition's roundtables, an edition, a session. */
@Controller
class ForumPagesController {

    private final ForumManagement forums;
    private final Organisers organisers;
    private final List<ForumPageContributions> contributions;

    ForumPagesController(
            ForumManagement forums, Organisers organisers, ObjectProvider<ForumPageContributions> contributions) {
        this.forums = forums;
        this.organisers = organisers;
        this.contributions = contributions
                .orderedStream()
                .sorted(Comparator.comparingInt(ForumPageContributions::order))
                .toList();
    }

    @GetMapping("/")
    String home(
            @RequestParam(name = "welcome", required = false) String welcome,
            @RequestParam(name = "accountDeleted", required = false) String deleted,
            @RequestParam(name = "signedOut", required = false) String signedOut,
            @ModelAttribute("page") Page page,
            Model model) {
        List<Edition> editions = forums.editions(organisers.isOrganiser());
        model.addAttribute("editions", editions);
        Map<EditionId, ForumPageContributions.ShownName> names = new HashMap<>();
        contributions.forEach(
                contribution -> contribution.editionNames(editions, page).forEach(names::putIfAbsent));
        model.addAttribute("names", names);
        model.addAttribute(
                "notice",
                welcome != null
                        ? "home.welcome"
                        : deleted != null ? "home.accountDeleted" : signedOut != null ? "home.signedOut" : null);
        return "forums/home";
    }

    @GetMapping("/editions/{slug}")
    String edition(@PathVariable String slug, @ModelAttribute("page") Page page, Model model) {
        Edition edition = find(slug);
        model.addAttribute("edition", edition);
        model.addAttribute("organiser", organisers.isOrganiser());
        model.addAttribute(
                "links",
                contributions.stream()
                        .flatMap(contribution -> contribution.editionLinks(edition, page).stream())
                        .toList());
        model.addAttribute(
                "sections",
                contributions.stream()
                        .flatMap(contribution -> contribution.editionSection(edition, page).stream())
                        .toList());
        return "forums/edition";
    }

    @GetMapping("/editions/{slug}/code-of-conduct")
    String codeOfConduct(@PathVariable String slug, Model model) {
        model.addAttribute("edition", find(slug));
        return "forums/code-of-conduct";
    }

    @GetMapping("/editions/{slug}/sessions/{code}")
    String session(
            @PathVariable String slug, @PathVariable String code, @ModelAttribute("page") Page page, Model model) {
        Edition edition = find(slug);
        var session = edition.session(code).orElseThrow(ForumPagesController::notFound);
        model.addAttribute("edition", edition);
        model.addAttribute(
                "roundtable", edition.roundtable(session.roundtableNumber()).orElseThrow());
        model.addAttribute("session", session);
        model.addAttribute("organiser", organisers.isOrganiser());
        model.addAttribute(
                "links",
                contributions.stream()
                        .flatMap(contribution -> contribution.sessionLinks(edition, session, page).stream())
                        .toList());
        model.addAttribute(
                "sections",
                contributions.stream()
                        .flatMap(contribution -> contribution.sessionSection(edition, session, page).stream())
                        .toList());
        return "forums/session";
    }

    private Edition find(String slug) {
        return forums.edition(slug, organisers.isOrganiser()).orElseThrow(ForumPagesController::notFound);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
}
