package org.polyphony.translation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Organisers keep a forum edition's glossary: names and terms machine translation must leave alone ("GFMD"), and
 * the translations they prefer for key terms. Texts are translated again with the new glossary.
 */
@Controller
@PreAuthorize("hasRole('ORGANISER')")
class GlossaryController {

    private final ForumManagement forums;
    private final Glossary glossary;
    private final MessageSource messages;
    private final Translations translations;

    GlossaryController(ForumManagement forums, Glossary glossary, MessageSource messages, Translations translations) {
        this.translations = translations;
        this.forums = forums;
        this.glossary = glossary;
        this.messages = messages;
    }

    @GetMapping("/editions/{slug}/glossary")
    String page(@PathVariable String slug, Model model, Locale locale) {
        return page(model, edition(slug), locale, "", "", "", FormErrors.none());
    }

    @PostMapping("/editions/{slug}/glossary")
    String add(
            @PathVariable String slug,
            @RequestParam(name = "term", defaultValue = "") String term,
            @RequestParam(name = "language", defaultValue = "") String language,
            @RequestParam(name = "replacement", defaultValue = "") String replacement,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Edition edition = edition(slug);
        String problem = term.isBlank() || term.strip().length() > 100
                ? "glossary.term.invalid"
                : !language.isEmpty() && !ReadingLanguages.isKnown(language)
                        ? "glossary.language.invalid"
                        : language.isEmpty() != replacement.isBlank()
                                        || replacement.strip().length() > 100
                                ? "glossary.replacement.invalid"
                                : null;
        if (problem != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            String field = problem.split("\\.")[1];
            return page(
                    model,
                    edition,
                    locale,
                    term,
                    language,
                    replacement,
                    FormErrors.field(field, messages.getMessage(problem, null, locale)));
        }
        glossary.add(
                edition.id().value(),
                term.strip(),
                language.isEmpty() ? null : language,
                language.isEmpty() ? null : replacement.strip());
        translations.glossaryChanged(edition.id().value());
        return "redirect:/editions/" + slug + "/glossary";
    }

    @PostMapping("/editions/{slug}/glossary/{termId}/delete")
    String remove(@PathVariable String slug, @PathVariable long termId) {
        long glossaryId = edition(slug).id().value();
        glossary.remove(glossaryId, termId);
        translations.glossaryChanged(glossaryId);
        return "redirect:/editions/" + slug + "/glossary";
    }

    private String page(
            Model model,
            Edition edition,
            Locale locale,
            String term,
            String language,
            String replacement,
            FormErrors errors) {
        model.addAttribute("edition", edition);
        model.addAttribute(
                "terms",
                glossary.terms(edition.id().value()).stream()
                        .map(t -> new TranslationViews.TermRow(t.id(), t.term(), t.language(), t.replacement()))
                        .toList());
        model.addAttribute("languages", ReadingLanguages.named(locale));
        model.addAttribute("term", term);
        model.addAttribute("language", language);
        model.addAttribute("replacement", replacement);
        model.addAttribute("errors", errors);
        return "translation/glossary";
    }

    private Edition edition(String slug) {
        return forums.edition(slug, true).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
