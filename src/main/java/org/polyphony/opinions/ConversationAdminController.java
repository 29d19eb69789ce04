package org.polyphony.opinions;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.polyphony.opinions.ConversationPlaces.Place;
import org.polyphony.opinions.ConversationPlaces.SessionPlace;
import org.polyphony.opinions.ConversationViews.ConversationSummary;
import org.polyphony.opinions.ConversationViews.StatementRow;
import org.polyphony.opinions.analysis.Moderation;
import org.polyphony.opinions.analysis.PolisConversation;
import org.polyphony.opinions.analysis.PolisCsvException;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Organisers attach conversations to sessions and set them up; moderators accept or reject statements. */
@Controller
class ConversationAdminController {

    private final OpinionsManagement opinions;
    private final ConversationStore store;
    private final ConversationPlaces places;
    private final StatementTexts texts;
    private final MessageSource messages;
    private final PolisExport polisExport;

    ConversationAdminController(
            OpinionsManagement opinions,
            ConversationStore store,
            ConversationPlaces places,
            StatementTexts texts,
            MessageSource messages,
            PolisExport polisExport) {
        this.polisExport = polisExport;
        this.opinions = opinions;
        this.store = store;
        this.places = places;
        this.texts = texts;
        this.messages = messages;
    }

    @PostMapping("/editions/{slug}/sessions/{code}/conversations")
    @PreAuthorize("hasRole('ORGANISER')")
    String start(
            @PathVariable String slug,
            @PathVariable String code,
            @Valid @ModelAttribute("form") ConversationForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        SessionPlace place = places.session(slug, code);
        if (place.edition().archived()) {
            result.reject("opinions.closed");
        }
        var started = result.hasErrors()
                ? java.util.Optional.<ConversationId>empty()
                : opinions.start(place.session().id().value(), form, result);
        if (started.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return sessionPage(
                    model, place, opinions, texts, locale, form, FormErrors.of(result, messages, locale), true);
        }
        return "redirect:/conversations/" + started.get().value();
    }

    /** A conversation from a Pol.is export (a zip of its CSV files), with its statements and votes. */
    @PostMapping("/editions/{slug}/sessions/{code}/conversations/import")
    @PreAuthorize("hasRole('ORGANISER')")
    String importPolis(
            @PathVariable String slug,
            @PathVariable String code,
            @Valid @ModelAttribute("form") ConversationForm form,
            BindingResult result,
            @RequestParam(name = "file", required = false) org.springframework.web.multipart.MultipartFile file,
            Model model,
            Locale locale,
            HttpServletResponse response)
            throws java.io.IOException {
        SessionPlace place = places.session(slug, code);
        if (place.edition().archived()) {
            result.reject("opinions.closed");
        }
        PolisConversation polis = null;
        if (file == null || file.isEmpty()) {
            result.reject("opinions.import.noFile");
        } else if (!result.hasErrors()) {
            try (var in = file.getInputStream()) {
                polis = PolisImport.read(in);
            } catch (PolisCsvException e) {
                result.reject("opinions.import.invalid", new Object[] {e.getMessage()}, e.getMessage());
            }
        }
        var started = result.hasErrors() || polis == null
                ? java.util.Optional.<ConversationId>empty()
                : opinions.startFromPolis(place.session().id().value(), form, polis, result);
        if (started.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return sessionPage(
                    model, place, opinions, texts, locale, form, FormErrors.of(result, messages, locale), true);
        }
        return "redirect:/conversations/" + started.get().value() + "/results";
    }

    /** The conversation in the Pol.is open-data layout, for organisers and moderators (see {@link PolisExport}). */
    @GetMapping("/conversations/{id}/export.zip")
    @PreAuthorize("hasRole('MODERATOR')")
    void export(@PathVariable long id, HttpServletResponse response) throws java.io.IOException {
        Place place = places.of(id);
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"conversation-" + id + "-polis.zip\"");
        polisExport.write(place.conversation().id(), response.getOutputStream());
    }

    @GetMapping("/conversations/{id}/settings")
    @PreAuthorize("hasRole('ORGANISER')")
    String settings(@PathVariable long id, Model model) {
        Place place = places.of(id);
        ConversationSummary c = place.conversation();
        return settingsPage(
                model,
                place,
                new ConversationForm(
                        c.question(), "", c.participantStatements(), c.premoderated(), c.anonymousAllowed()),
                c.closed(),
                FormErrors.none());
    }

    @PostMapping("/conversations/{id}/settings")
    @PreAuthorize("hasRole('ORGANISER')")
    String saveSettings(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ConversationForm form,
            BindingResult result,
            @RequestParam(name = "closed", defaultValue = "false") boolean closed,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Place place = places.of(id);
        if (place.edition().archived()) {
            result.reject("opinions.closed");
        }
        if (result.hasErrors() || !opinions.update(place.conversation(), form, closed, result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return settingsPage(model, place, form, closed, FormErrors.of(result, messages, locale));
        }
        return "redirect:" + place.path() + "?notice=saved";
    }

    @GetMapping("/conversations/{id}/moderation")
    @PreAuthorize("hasRole('MODERATOR')")
    String moderation(@PathVariable long id, Model model, Locale locale) {
        Place place = places.of(id);
        List<StatementRow> statements = store.statements(place.conversation().id());
        List<String> languages = texts.readerLanguages(locale);
        model.addAttribute("edition", place.edition());
        model.addAttribute("session", place.session());
        model.addAttribute("conversation", place.conversation());
        model.addAttribute("question", texts.question(place.conversation(), languages, true));
        // waiting first, then the rest by number: the queue is what a moderator comes for
        model.addAttribute(
                "statements",
                statements.stream()
                        .sorted(java.util.Comparator.comparing(
                                        (StatementRow s) -> s.moderation() != Moderation.UNMODERATED)
                                .thenComparingInt(StatementRow::number))
                        .toList());
        return "opinions/moderation";
    }

    @PostMapping("/conversations/{id}/statements/{number}/moderation")
    @PreAuthorize("hasRole('MODERATOR')")
    String moderate(
            @PathVariable long id,
            @PathVariable int number,
            @RequestParam(name = "decision", defaultValue = "") String decision) {
        Place place = places.of(id);
        if (place.edition().archived()) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.CONFLICT);
        }
        StatementRow statement =
                store.statement(place.conversation().id(), number).orElseThrow(ConversationPlaces::notFound);
        switch (decision) {
            case "accept" -> opinions.moderate(place.conversation(), statement, Moderation.ACCEPTED);
            case "reject" -> opinions.moderate(place.conversation(), statement, Moderation.REJECTED);
            case "meta" -> opinions.markMeta(place.conversation(), statement, true);
            case "opinion" -> opinions.markMeta(place.conversation(), statement, false);
            default -> throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return "redirect:" + place.path() + "/moderation#s" + number;
    }

    static String sessionPage(
            Model model,
            SessionPlace place,
            OpinionsManagement opinions,
            StatementTexts texts,
            Locale locale,
            ConversationForm form,
            FormErrors errors,
            boolean organiser) {
        List<ConversationSummary> conversations =
                opinions.ofSession(place.session().id().value());
        List<String> languages = texts.readerLanguages(locale);
        model.addAttribute("edition", place.edition());
        model.addAttribute("session", place.session());
        model.addAttribute(
                "conversations",
                conversations.stream()
                        .map(c -> new ConversationViews.Listed(c, texts.question(c, languages, true)))
                        .toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("organiser", organiser);
        return "opinions/conversations";
    }

    private String settingsPage(Model model, Place place, ConversationForm form, boolean closed, FormErrors errors) {
        model.addAttribute("edition", place.edition());
        model.addAttribute("session", place.session());
        model.addAttribute("conversation", place.conversation());
        model.addAttribute("form", form);
        model.addAttribute("closed", closed);
        model.addAttribute("errors", errors);
        return "opinions/settings";
    }
}
