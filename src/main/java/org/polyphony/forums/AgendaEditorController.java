package org.polyphony.forums;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.polyphony.forums.Edition.ForumSession;
import org.polyphony.forums.Edition.Roundtable;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.languages.UiLanguage;
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

/**
 * Organisers create and edit editions, roundtables and sessions. Each form edits the version of the texts in one
 * language, chosen on the form, so an agenda can be written in one language and translated by hand in others.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class AgendaEditorController {

    private final ForumManagement forums;
    private final MessageSource messages;

    AgendaEditorController(ForumManagement forums, MessageSource messages) {
        this.forums = forums;
        this.messages = messages;
    }

    @GetMapping("/editions/new")
    String newEdition(Model model, Locale locale) {
        return editionForm(
                model, locale, null, EditionForm.blank(UiLanguage.of(locale).tag()), FormErrors.none());
    }

    @PostMapping("/editions/new")
    String createEdition(
            @Valid @ModelAttribute("form") EditionForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        var created = forums.createEdition(form, result);
        if (created.isEmpty()) {
            return invalid(response, editionForm(model, locale, null, form, errors(result, locale)));
        }
        return "redirect:/editions/" + created.get();
    }

    @GetMapping("/editions/{slug}/edit")
    String editEdition(
            @PathVariable String slug,
            @RequestParam(name = "language", required = false) String language,
            Model model,
            Locale locale) {
        Edition edition = find(slug);
        return editionForm(
                model, locale, edition, EditionForm.of(edition, languageOr(language, locale)), FormErrors.none());
    }

    @PostMapping("/editions/{slug}/edit")
    String updateEdition(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") EditionForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Edition edition = find(slug);
        forums.updateEdition(edition, form, result);
        if (result.hasErrors()) {
            return invalid(response, editionForm(model, locale, edition, form, errors(result, locale)));
        }
        return "redirect:/editions/" + slug;
    }

    @GetMapping("/editions/{slug}/roundtables/new")
    String newRoundtable(@PathVariable String slug, Model model, Locale locale) {
        Edition edition = find(slug);
        int next = edition.roundtables().stream()
                        .mapToInt(Roundtable::number)
                        .max()
                        .orElse(0)
                + 1;
        return roundtableForm(
                model,
                locale,
                edition,
                null,
                new RoundtableForm(UiLanguage.of(locale).tag(), next, "", ""),
                FormErrors.none());
    }

    @PostMapping("/editions/{slug}/roundtables/new")
    String addRoundtable(
            @PathVariable String slug,
            @Valid @ModelAttribute("form") RoundtableForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Edition edition = find(slug);
        forums.addRoundtable(edition, form, result);
        if (result.hasErrors()) {
            return invalid(response, roundtableForm(model, locale, edition, null, form, errors(result, locale)));
        }
        return "redirect:/editions/" + slug + "#roundtable-" + form.number();
    }

    @GetMapping("/editions/{slug}/roundtables/{number}/edit")
    String editRoundtable(
            @PathVariable String slug,
            @PathVariable int number,
            @RequestParam(name = "language", required = false) String language,
            Model model,
            Locale locale) {
        Edition edition = find(slug);
        Roundtable roundtable = edition.roundtable(number).orElseThrow(ForumPagesController::notFound);
        return roundtableForm(
                model,
                locale,
                edition,
                roundtable,
                RoundtableForm.of(roundtable, languageOr(language, locale)),
                FormErrors.none());
    }

    @PostMapping("/editions/{slug}/roundtables/{number}/edit")
    String updateRoundtable(
            @PathVariable String slug,
            @PathVariable int number,
            @Valid @ModelAttribute("form") RoundtableForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Edition edition = find(slug);
        Roundtable roundtable = edition.roundtable(number).orElseThrow(ForumPagesController::notFound);
        forums.updateRoundtable(roundtable, form, result);
        if (result.hasErrors()) {
            return invalid(response, roundtableForm(model, locale, edition, roundtable, form, errors(result, locale)));
        }
        return "redirect:/editions/" + slug + "#roundtable-" + number;
    }

    @GetMapping("/editions/{slug}/roundtables/{number}/sessions/new")
    String newSession(@PathVariable String slug, @PathVariable int number, Model model, Locale locale) {
        Edition edition = find(slug);
        Roundtable roundtable = edition.roundtable(number).orElseThrow(ForumPagesController::notFound);
        int next = roundtable.sessions().stream()
                        .mapToInt(ForumSession::position)
                        .max()
                        .orElse(0)
                + 1;
        return sessionForm(
                model,
                locale,
                edition,
                roundtable,
                null,
                new SessionForm(UiLanguage.of(locale).tag(), next, "", "", "", false),
                FormErrors.none());
    }

    @PostMapping("/editions/{slug}/roundtables/{number}/sessions/new")
    String addSession(
            @PathVariable String slug,
            @PathVariable int number,
            @Valid @ModelAttribute("form") SessionForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Edition edition = find(slug);
        Roundtable roundtable = edition.roundtable(number).orElseThrow(ForumPagesController::notFound);
        var code = forums.addSession(edition, roundtable, form, result);
        if (code.isEmpty()) {
            return invalid(
                    response, sessionForm(model, locale, edition, roundtable, null, form, errors(result, locale)));
        }
        return "redirect:/editions/" + slug + "/sessions/" + code.get();
    }

    @GetMapping("/editions/{slug}/sessions/{code}/edit")
    String editSession(
            @PathVariable String slug,
            @PathVariable String code,
            @RequestParam(name = "language", required = false) String language,
            Model model,
            Locale locale) {
        Edition edition = find(slug);
        ForumSession session = edition.session(code).orElseThrow(ForumPagesController::notFound);
        Roundtable roundtable = edition.roundtable(session.roundtableNumber()).orElseThrow();
        return sessionForm(
                model,
                locale,
                edition,
                roundtable,
                session,
                SessionForm.of(session, languageOr(language, locale)),
                FormErrors.none());
    }

    @PostMapping("/editions/{slug}/sessions/{code}/edit")
    String updateSession(
            @PathVariable String slug,
            @PathVariable String code,
            @Valid @ModelAttribute("form") SessionForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Edition edition = find(slug);
        ForumSession session = edition.session(code).orElseThrow(ForumPagesController::notFound);
        Roundtable roundtable = edition.roundtable(session.roundtableNumber()).orElseThrow();
        forums.updateSession(session, form, result);
        if (result.hasErrors()) {
            return invalid(
                    response, sessionForm(model, locale, edition, roundtable, session, form, errors(result, locale)));
        }
        return "redirect:/editions/" + slug + "/sessions/" + code;
    }

    private Edition find(String slug) {
        return forums.edition(slug, true).orElseThrow(ForumPagesController::notFound);
    }

    private FormErrors errors(BindingResult result, Locale locale) {
        return FormErrors.of(result, messages, locale);
    }

    private static String invalid(HttpServletResponse response, String view) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return view;
    }

    private static String languageOr(String language, Locale locale) {
        return language != null && ReadingLanguages.isKnown(language)
                ? language
                : UiLanguage.of(locale).tag();
    }

    private static String editionForm(
            Model model, Locale locale, Edition edition, EditionForm form, FormErrors errors) {
        model.addAttribute("edition", edition);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", ReadingLanguages.named(locale));
        model.addAttribute("statuses", java.util.List.of(EditionStatus.values()));
        return "forums/edition-form";
    }

    private static String roundtableForm(
            Model model,
            Locale locale,
            Edition edition,
            Roundtable roundtable,
            RoundtableForm form,
            FormErrors errors) {
        model.addAttribute("edition", edition);
        model.addAttribute("roundtable", roundtable);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", ReadingLanguages.named(locale));
        return "forums/roundtable-form";
    }

    private static String sessionForm(
            Model model,
            Locale locale,
            Edition edition,
            Roundtable roundtable,
            ForumSession session,
            SessionForm form,
            FormErrors errors) {
        model.addAttribute("edition", edition);
        model.addAttribute("roundtable", roundtable);
        model.addAttribute("session", session);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("languages", ReadingLanguages.named(locale));
        return "forums/session-form";
    }
}
