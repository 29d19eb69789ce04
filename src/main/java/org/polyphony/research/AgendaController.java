package org.polyphony.research;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.ActionLimits;
import org.polyphony.accounts.Role;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.opinions.ConversationId;
import org.polyphony.opinions.OpinionCitations;
import org.polyphony.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The research-agenda workshop of an edition: propose, support, open a conversation, publish. */
@Controller
class AgendaController {

    /** The session of the concept note the agenda belongs to, when the edition has one of that code. */
    static final String RESEARCH_SESSION = "3.1";

    private final ForumManagement forums;
    private final AccountDirectory accounts;
    private final ActionLimits limits;
    private final ResearchAgenda agenda;
    private final OpinionCitations citations;

    AgendaController(
            ForumManagement forums,
            AccountDirectory accounts,
            ActionLimits limits,
            ResearchAgenda agenda,
            OpinionCitations citations) {
        this.forums = forums;
        this.accounts = accounts;
        this.limits = limits;
        this.agenda = agenda;
        this.citations = citations;
    }

    @GetMapping("/editions/{slug}/research-agenda")
    String show(@PathVariable String slug, Model model, @ModelAttribute("page") Page page) {
        Edition edition = edition(slug);
        return page(edition, model, page, "", null);
    }

    @PostMapping("/editions/{slug}/research-agenda/questions")
    String propose(
            @PathVariable String slug,
            @RequestParam(name = "text", defaultValue = "") String text,
            Model model,
            @ModelAttribute("page") Page page,
            HttpServletResponse response) {
        Edition edition = edition(slug);
        AccountId who = signedIn();
        String question = text.strip();
        String error = null;
        if (question.isEmpty()) error = "research.agenda.question.required";
        else if (question.length() > ResearchAgenda.MAX_QUESTION) error = "research.agenda.question.tooLong";
        else if (!limits.by("research-question", String.valueOf(who.value()), 20, Duration.ofHours(1))) {
            error = "research.agenda.question.tooMany";
        } else {
            switch (agenda.propose(edition.id().value(), who.value(), question)) {
                case ADDED -> {
                    return "redirect:/editions/" + slug + "/research-agenda";
                }
                case DUPLICATE -> error = "research.agenda.question.duplicate";
                case CLOSED -> error = "research.agenda.closed";
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(edition, model, page, text, error);
    }

    @PostMapping("/editions/{slug}/research-agenda/questions/{id}/support")
    String support(
            @PathVariable String slug,
            @PathVariable long id,
            @RequestParam(name = "supports", defaultValue = "true") String supports) {
        Edition edition = edition(slug);
        AccountId who = signedIn();
        if (!agenda.editionOf(id).map(e -> e == edition.id().value()).orElse(false)) {
            throw ResearchController.notFound();
        }
        if (agenda.state(edition.id().value()).published()) throw new ResponseStatusException(HttpStatus.CONFLICT);
        agenda.support(id, who.value(), !"false".equals(supports));
        return "redirect:/editions/" + slug + "/research-agenda#question-" + id;
    }

    @PostMapping("/editions/{slug}/research-agenda/questions/{id}/hide")
    String hide(@PathVariable String slug, @PathVariable long id) {
        Edition edition = organiserOf(slug);
        if (!agenda.editionOf(id).map(e -> e == edition.id().value()).orElse(false)) {
            throw ResearchController.notFound();
        }
        agenda.hide(id);
        return "redirect:/editions/" + slug + "/research-agenda";
    }

    @PostMapping("/editions/{slug}/research-agenda/conversation")
    String openConversation(@PathVariable String slug, @ModelAttribute("page") Page page) {
        Edition edition = organiserOf(slug);
        Edition.ForumSession session = researchSession(edition);
        agenda.openConversation(edition.id().value(), session.id().value(), page.t("research.agenda.prompt"));
        return "redirect:/editions/" + slug + "/research-agenda";
    }

    @PostMapping("/editions/{slug}/research-agenda/publish")
    String publish(@PathVariable String slug) {
        Edition edition = organiserOf(slug);
        agenda.publish(edition.id().value(), researchSession(edition).id().value());
        return "redirect:/editions/" + slug + "/research-agenda";
    }

    private String page(Edition edition, Model model, Page page, String text, String error) {
        long editionId = edition.id().value();
        AgendaState state = agenda.state(editionId);
        Long reader = accounts.signedIn().map(AccountId::value).orElse(null);
        Map<String, List<String>> views =
                state.conversationId() == null ? Map.of() : views(new ConversationId(state.conversationId()), page);
        List<AgendaQuestion> ranked = agenda.ranked(editionId, reader).stream()
                .map(q -> new AgendaQuestion(
                        q.id(),
                        q.text(),
                        q.supporters(),
                        q.supportedByReader(),
                        views.getOrDefault(q.text(), List.of())))
                .toList();
        model.addAttribute("edition", edition);
        model.addAttribute("state", state);
        model.addAttribute("questions", ranked);
        model.addAttribute(
                "session",
                state.sessionId() == null
                        ? edition.session(RESEARCH_SESSION).orElse(null)
                        : edition.sessionById(new org.polyphony.forums.ForumSessionId(state.sessionId()))
                                .orElse(null));
        model.addAttribute("organiser", accounts.signedInAs(Role.ORGANISER));
        model.addAttribute("text", text);
        model.addAttribute("error", error);
        return "research/agenda";
    }

    /** The groups' views of each statement, keyed by the statement's original text (the question as proposed). */
    private Map<String, List<String>> views(ConversationId conversation, Page page) {
        Map<String, List<String>> views = new LinkedHashMap<>();
        for (OpinionCitations.CitableResult result :
                citations.results(conversation, accounts.readerLanguages(page.locale()))) {
            String original = result.text().original() != null
                    ? result.text().original()
                    : result.text().text();
            String stance = page.t("research.agenda.stance." + result.stance().name());
            String line = result.consensus()
                    ? page.t("research.agenda.view.consensus", result.percent(), stance)
                    : page.t("research.agenda.view.group", result.groupLetter(), result.percent(), stance);
            views.computeIfAbsent(original.strip(), k -> new ArrayList<>()).add(line);
        }
        return views;
    }

    private Edition.ForumSession researchSession(Edition edition) {
        AgendaState state = agenda.state(edition.id().value());
        if (state.sessionId() != null) {
            return edition.sessionById(new org.polyphony.forums.ForumSessionId(state.sessionId()))
                    .orElseThrow(ResearchController::notFound);
        }
        return edition.session(RESEARCH_SESSION)
                .or(() -> edition.roundtables().stream()
                        .flatMap(r -> r.sessions().stream())
                        .findFirst())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT));
    }

    private Edition edition(String slug) {
        return forums.edition(slug, accounts.signedInAs(Role.ORGANISER)).orElseThrow(ResearchController::notFound);
    }

    private Edition organiserOf(String slug) {
        if (!accounts.signedInAs(Role.ORGANISER)) throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        return edition(slug);
    }

    private AccountId signedIn() {
        return accounts.signedIn().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
