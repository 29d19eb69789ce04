package org.polyphony.opinions;

import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.PostingAllowance;
import org.polyphony.opinions.ConversationPlaces.Place;
import org.polyphony.opinions.ConversationViews.StatementRow;
import org.polyphony.opinions.analysis.Moderation;
import org.polyphony.statistics.SmallCells;
import org.polyphony.web.CompressedPages;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A conversation as participants meet it: one statement at a time to vote on, a form to add one, their own votes to
 * look over and change, and the results. Plain forms and redirects: everything works without JavaScript.
 */
@Controller
class OpinionsController {

    private final OpinionsManagement opinions;
    private final ConversationStore store;
    private final ConversationPlaces places;
    private final Voters voters;
    private final StatementTexts texts;
    private final ConversationAnalyses analyses;
    private final AccountDirectory accounts;
    private final PostingAllowance allowance;
    private final MessageSource messages;
    private final SmallCells smallCells;
    private final KeptResultsPages keptPages;
    private final TemplateEngine templates;

    OpinionsController(
            OpinionsManagement opinions,
            ConversationStore store,
            ConversationPlaces places,
            Voters voters,
            StatementTexts texts,
            ConversationAnalyses analyses,
            AccountDirectory accounts,
            PostingAllowance allowance,
            MessageSource messages,
            SmallCells smallCells,
            KeptResultsPages keptPages,
            TemplateEngine templates) {
        this.smallCells = smallCells;
        this.keptPages = keptPages;
        this.templates = templates;
        this.opinions = opinions;
        this.store = store;
        this.places = places;
        this.voters = voters;
        this.texts = texts;
        this.analyses = analyses;
        this.accounts = accounts;
        this.allowance = allowance;
        this.messages = messages;
    }

    @GetMapping("/editions/{slug}/sessions/{code}/conversations")
    String ofSession(@PathVariable String slug, @PathVariable String code, Model model, Locale locale) {
        return ConversationAdminController.sessionPage(
                model,
                places.session(slug, code),
                opinions,
                texts,
                locale,
                ConversationForm.blank(),
                FormErrors.none(),
                places.organiser());
    }

    @GetMapping("/conversations/{id}")
    String conversation(
            @PathVariable long id,
            @RequestParam(name = "statement", required = false) Integer statement,
            @RequestParam(name = "notice", required = false) String notice,
            Model model,
            Locale locale,
            HttpServletRequest request) {
        Place place = places.of(id);
        model.addAttribute(
                "notice",
                notice == null
                        ? null
                        : switch (notice) {
                            case "added" -> "opinions.statement.added";
                            case "awaiting" -> "opinions.statement.awaiting";
                            case "saved" -> "opinions.settings.saved";
                            default -> null;
                        });
        return votePage(model, place, statement, StatementForm.blank(), FormErrors.none(), locale, request);
    }

    @PostMapping("/conversations/{id}/votes")
    String vote(
            @PathVariable long id,
            @RequestParam(name = "statement", required = false) Integer number,
            @RequestParam(name = "vote", required = false) String vote,
            @RequestParam(name = "return", required = false) String returnTo,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        Place place = places.of(id);
        Optional<VoteChoice> choice = VoteChoice.of(vote);
        Optional<StatementRow> statement = number == null
                ? Optional.empty()
                : store.statement(place.conversation().id(), number).filter(s -> s.moderation() == Moderation.ACCEPTED);
        String refusal = !place.open()
                ? "opinions.closed"
                : !voters.mayTakePart(place.conversation())
                        ? "opinions.signInToVote"
                        : statement.isEmpty()
                                ? "opinions.vote.unknownStatement"
                                : choice.isEmpty() ? "opinions.vote.invalid" : null;
        Optional<Long> voter =
                refusal == null ? voters.currentOrNew(place.conversation(), request, response) : Optional.empty();
        if (refusal == null && voter.isEmpty()) {
            refusal = "opinions.tooManyPseudonyms";
        }
        if (refusal == null && !voters.mayVoteNow(voter.get())) {
            refusal = "opinions.vote.tooFast";
        }
        if (refusal != null) {
            response.setStatus(
                    refusal.equals("opinions.vote.tooFast") || refusal.equals("opinions.tooManyPseudonyms")
                            ? HttpStatus.TOO_MANY_REQUESTS.value()
                            : HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return votePage(
                    model,
                    place,
                    number,
                    StatementForm.blank(),
                    FormErrors.field("vote", messages.getMessage(refusal, null, locale)),
                    locale,
                    request);
        }
        opinions.vote(place.conversation(), voter.get(), statement.get(), choice.get());
        if ("mine".equals(returnTo)) {
            return "redirect:" + place.path() + "/mine#s" + number;
        }
        return "redirect:" + place.path();
    }

    @PostMapping("/conversations/{id}/statements")
    String addStatement(
            @PathVariable long id,
            @Valid @ModelAttribute("form") StatementForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        Place place = places.of(id);
        boolean moderator = places.moderator();
        if (!place.open()) {
            result.reject("opinions.closed");
        } else if (!place.conversation().participantStatements() && !moderator) {
            result.reject("opinions.statement.notTaken");
        } else if (!voters.mayTakePart(place.conversation())) {
            result.reject("opinions.signInToWrite");
        } else if (!result.hasErrors()) {
            refuseIfNotAllowed(result, request);
        }
        Optional<Long> author =
                result.hasErrors() ? Optional.empty() : voters.currentOrNew(place.conversation(), request, response);
        if (!result.hasErrors() && author.isEmpty()) {
            result.reject("opinions.tooManyPseudonyms");
        }
        Optional<StatementRow> added = result.hasErrors()
                ? Optional.empty()
                : opinions.addStatement(place.conversation(), author.get(), form, moderator, result);
        if (added.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return votePage(model, place, null, form, FormErrors.of(result, messages, locale), locale, request);
        }
        boolean shown = added.get().moderation() == Moderation.ACCEPTED;
        return "redirect:" + place.path() + "?notice=" + (shown ? "added" : "awaiting");
    }

    /** Everything the reader voted on, with a way to change each vote. */
    @GetMapping("/conversations/{id}/mine")
    String mine(@PathVariable long id, Model model, Locale locale, HttpServletRequest request) {
        Place place = places.of(id);
        Optional<Long> voter = voters.current(place.conversation(), request);
        List<StatementRow> statements = store.statements(place.conversation().id()).stream()
                .filter(s -> s.moderation() == Moderation.ACCEPTED)
                .toList();
        List<String> languages = texts.readerLanguages(locale);
        common(model, place, languages);
        model.addAttribute("statements", statements);
        model.addAttribute("shown", texts.shown(statements, languages, true));
        model.addAttribute("votes", voter.map(store::votesOf).orElse(Map.of()));
        model.addAttribute("mayVote", place.open() && voters.mayTakePart(place.conversation()));
        return "opinions/mine";
    }

    @GetMapping("/conversations/{id}/results")
    String results(
            @PathVariable long id,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        Place place = places.of(id);
        if (accounts.signedIn().isEmpty()
                && request.getParameterMap().isEmpty()
                && voters.current(place.conversation(), request).isEmpty()) {
            // the same page for every reader signed out without a dot of their own: sent from a kept copy
            byte[] page = keptPages.page(
                    id,
                    locale.toLanguageTag(),
                    StatementTexts.translating(),
                    () -> CompressedPages.keptCopy(CompressedPages.render(
                            templates, resultsPage(model, place, locale, request), model.asMap())));
            CompressedPages.sendGzipped(page, request, response);
            return null;
        }
        return resultsPage(model, place, locale, request);
    }

    private String resultsPage(Model model, Place place, Locale locale, HttpServletRequest request) {
        List<String> languages = texts.readerLanguages(locale);
        common(model, place, languages);
        model.addAttribute(
                "results",
                results(place, voters.current(place.conversation(), request), languages, locale, true, false));
        List<StatementRow> meta = store.acceptedMeta(place.conversation().id());
        model.addAttribute(
                "composition",
                analyses.latest(place.conversation().id())
                        .map(result -> GroupComposition.of(
                                result, meta.stream().map(StatementRow::number).toList(), smallCells))
                        .orElse(List.of()));
        model.addAttribute("metaShown", texts.shown(meta, languages, true));
        model.addAttribute("smallCellMinimum", smallCells.minimum());
        return "opinions/results";
    }

    ResultsView results(
            Place place, Optional<Long> reader, List<String> languages, Locale locale, boolean ask, boolean withDots) {
        ConversationId id = place.conversation().id();
        boolean updating = analyses.outdated(id);
        Optional<AnalysisResult> latest = analyses.latest(id);
        if (latest.isEmpty()) {
            return ResultsView.none(updating);
        }
        AnalysisResult result = latest.get();
        // only the statements the page names are read and translated, and only accepted ones: one rejected since the
        // analysis, or imported unmoderated, is not shown
        Map<Integer, ShownStatement> shown =
                texts.shown(store.acceptedNumbered(id, result.namedStatements()), languages, ask);
        // most readers have no dot of their own: their map is the same for everyone reading that language
        String map = result.dotOf(reader.orElse(null)).isPresent()
                ? OpinionMapSvg.render(
                        result, analyses.drawing(id, result), reader.orElse(null), mapLabels(result, reader, locale))
                : analyses.sharedMap(
                        id,
                        result,
                        locale.toLanguageTag(),
                        () -> OpinionMapSvg.render(
                                result,
                                analyses.drawing(id, result),
                                null,
                                mapLabels(result, Optional.empty(), locale)));
        return ResultsView.of(result, updating, reader.orElse(null), shown, map, withDots);
    }

    private OpinionMapSvg.Labels mapLabels(AnalysisResult result, Optional<Long> reader, Locale locale) {
        StringBuilder description = new StringBuilder(messages.getMessage(
                result.grouped() ? "opinions.map.description" : "opinions.map.descriptionUngrouped",
                new Object[] {result.participants(), result.groups().size()},
                locale));
        for (AnalysisResult.Group group : result.groups()) {
            description
                    .append(' ')
                    .append(messages.getMessage(
                            "opinions.map.group",
                            new Object[] {OpinionMapSvg.letter(group.id()), group.size()},
                            locale));
        }
        result.dotOf(reader.orElse(null)).ifPresent(dot -> description
                .append(' ')
                .append(
                        dot.group() < 0
                                ? messages.getMessage("opinions.map.youUngrouped", null, locale)
                                : messages.getMessage(
                                        "opinions.map.youIn",
                                        new Object[] {OpinionMapSvg.letter(dot.group())},
                                        locale)));
        return new OpinionMapSvg.Labels(
                messages.getMessage("opinions.map.title", null, locale),
                description.toString(),
                messages.getMessage("opinions.map.you", null, locale));
    }

    private String votePage(
            Model model,
            Place place,
            Integer chosen,
            StatementForm form,
            FormErrors errors,
            Locale locale,
            HttpServletRequest request) {
        Optional<Long> voter = voters.current(place.conversation(), request);
        Optional<StatementRow> statement = chosen != null
                ? store.statement(place.conversation().id(), chosen).filter(s -> s.moderation() == Moderation.ACCEPTED)
                : Optional.empty();
        if (statement.isEmpty()) {
            statement = store.next(place.conversation().id(), voter.orElse(null));
        }
        List<String> languages = texts.readerLanguages(locale);
        common(model, place, languages);
        Map<Integer, VoteChoice> votes = voter.map(store::votesOf).orElse(Map.of());
        model.addAttribute("statement", statement.orElse(null));
        model.addAttribute(
                "shown",
                statement
                        .map(s -> texts.shown(List.of(s), languages, true).get(s.number()))
                        .orElse(null));
        model.addAttribute("yourVote", statement.map(s -> votes.get(s.number())).orElse(null));
        model.addAttribute("voted", votes.size());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("mayTakePart", voters.mayTakePart(place.conversation()));
        model.addAttribute("signedIn", accounts.signedIn().isPresent());
        if (!model.containsAttribute("notice")) {
            model.addAttribute("notice", null);
        }
        return "opinions/conversation";
    }

    private void common(Model model, Place place, List<String> languages) {
        model.addAttribute("edition", place.edition());
        model.addAttribute("session", place.session());
        model.addAttribute("conversation", place.conversation());
        model.addAttribute("open", place.open());
        model.addAttribute("question", texts.question(place.conversation(), languages, true));
        model.addAttribute("moderator", places.moderator());
        model.addAttribute("organiser", places.organiser());
        model.addAttribute(
                "waiting",
                places.moderator()
                        ? store.statementsWaiting(place.conversation().id())
                        : 0);
    }

    /** Accounts obey the posting allowance; people without one, a per-address limit. */
    private void refuseIfNotAllowed(BindingResult result, HttpServletRequest request) {
        if (accounts.signedIn().isPresent()) {
            PostingAllowance.Verdict verdict =
                    allowance.mayWrite(accounts.signedIn().get());
            if (verdict != PostingAllowance.Verdict.ALLOWED) {
                result.reject(verdict.messageKey());
            }
        } else if (!voters.mayWriteAnonymously(request)) {
            result.reject("opinions.statement.tooMany");
        }
    }
}
