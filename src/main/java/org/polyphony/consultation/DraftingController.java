package org.polyphony.consultation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.consultation.ConsultationStore.Consultation;
import org.polyphony.consultation.ConsultationStore.Paragraph;
import org.polyphony.consultation.ConsultationStore.Round;
import org.polyphony.consultation.ConsultationStore.Version;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The drafting team's pages: the consultation's settings (rounds opened or closed now, the team, the session, the
 * outcome), handling a round's comments one by one or several at once, a new version (edited or imported again),
 * and a reviewed translation of a paragraph. Anyone else gets "not found".
 */
@Controller
class DraftingController {

    private final ConsultationManagement consultations;
    private final ConsultationStore store;
    private final ConsultationPlaces places;
    private final ConsultationReading reading;
    private final AccountDirectory accounts;
    private final Translations translations;
    private final MessageSource messages;
    private final ParagraphDiscussion discussion;

    DraftingController(
            ConsultationManagement consultations,
            ConsultationStore store,
            ConsultationPlaces places,
            ConsultationReading reading,
            AccountDirectory accounts,
            Translations translations,
            MessageSource messages,
            ParagraphDiscussion discussion) {
        this.consultations = consultations;
        this.store = store;
        this.places = places;
        this.reading = reading;
        this.accounts = accounts;
        this.translations = translations;
        this.messages = messages;
        this.discussion = discussion;
    }

    @GetMapping("/consultations/{id}/manage")
    String manage(@PathVariable long id, Model model) {
        return managePage(model, places.drafted(id), FormErrors.none(), "");
    }

    private String managePage(Model model, Consultation consultation, FormErrors errors, String drafterName) {
        model.addAttribute("edition", places.editionOf(consultation));
        model.addAttribute("consultation", reading.summary(consultation));
        model.addAttribute("versions", store.versions(consultation.id()));
        model.addAttribute(
                "drafters",
                reading.names(store.drafters(consultation.id())).values().stream()
                        .sorted()
                        .toList());
        model.addAttribute("organiser", places.organiser());
        model.addAttribute(
                "session",
                consultation.sessionId() == null
                        ? ""
                        : places.editionOf(consultation)
                                .sessionById(new org.polyphony.forums.ForumSessionId(consultation.sessionId()))
                                .map(s -> s.code())
                                .orElse(""));
        model.addAttribute("errors", errors);
        model.addAttribute("drafterName", drafterName);
        return "consultation/manage";
    }

    @PostMapping("/consultations/{id}/rounds/{number}/open")
    String open(@PathVariable long id, @PathVariable int number) {
        Consultation consultation = organised(id);
        Round round = places.round(consultation, number);
        // one round at a time: the others that are open now close
        store.rounds(consultation.id()).stream()
                .filter(r -> r.number() != number && r.openOn(ConsultationManagement.today()))
                .forEach(consultations::closeNow);
        consultations.openNow(round);
        return "redirect:/consultations/" + id + "/manage?opened";
    }

    @PostMapping("/consultations/{id}/rounds/{number}/close")
    String close(@PathVariable long id, @PathVariable int number) {
        Consultation consultation = organised(id);
        consultations.closeNow(places.round(consultation, number));
        return "redirect:/consultations/" + id + "/manage?closed";
    }

    @PostMapping("/consultations/{id}/drafters")
    String addDrafter(
            @PathVariable long id,
            @RequestParam(name = "name", defaultValue = "") String name,
            Model model,
            HttpServletResponse response) {
        Consultation consultation = organised(id);
        var account = accounts.withDisplayName(name.strip());
        if (account.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return managePage(
                    model,
                    consultation,
                    FormErrors.field(
                            "name",
                            messages.getMessage(
                                    "consultation.drafter.unknown",
                                    null,
                                    org.springframework.context.i18n.LocaleContextHolder.getLocale())),
                    name);
        }
        store.addDrafter(consultation.id(), account.get().value());
        return "redirect:/consultations/" + id + "/manage";
    }

    @PostMapping("/consultations/{id}/outcome")
    String outcome(@PathVariable long id, @RequestParam(name = "version", defaultValue = "") String version) {
        Consultation consultation = organised(id);
        if (!version.matches("\\d{1,4}")) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Version chosen = places.version(consultation, version);
        consultations.publishOutcome(consultation, chosen.number());
        return "redirect:/consultations/" + id + "?version=" + chosen.number();
    }

    @PostMapping("/consultations/{id}/session")
    String session(
            @PathVariable long id,
            @RequestParam(name = "session", defaultValue = "") String code,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Consultation consultation = organised(id);
        if (code.isBlank()) {
            store.setSession(consultation.id(), null);
            return "redirect:/consultations/" + id + "/manage";
        }
        var session = places.editionOf(consultation).session(code.strip());
        if (session.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            String page = managePage(
                    model,
                    consultation,
                    FormErrors.field("session", messages.getMessage("consultation.session.unknown", null, locale)),
                    "");
            // what was typed stays in the field, next to the message
            model.addAttribute("session", code);
            return page;
        }
        store.setSession(consultation.id(), session.get().id().value());
        return "redirect:/consultations/" + id + "/manage";
    }

    private Consultation organised(long id) {
        Consultation consultation = places.consultation(id);
        if (!places.organiser()) {
            throw ConsultationPlaces.notFound();
        }
        return consultation;
    }

    // handling

    @GetMapping("/consultations/{id}/rounds/{number}/handling")
    String handling(@PathVariable long id, @PathVariable int number, Model model) {
        Consultation consultation = places.drafted(id);
        return handlingPage(
                model,
                consultation,
                places.round(consultation, number),
                new HandlingForm(List.of(), "", ""),
                FormErrors.none());
    }

    private String handlingPage(
            Model model, Consultation consultation, Round round, HandlingForm form, FormErrors errors) {
        model.addAttribute("edition", places.editionOf(consultation));
        model.addAttribute("consultation", reading.summary(consultation));
        model.addAttribute("round", round.number());
        model.addAttribute("responses", reading.responses(round));
        model.addAttribute("decisions", Decision.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "consultation/handling";
    }

    @PostMapping("/consultations/{id}/rounds/{number}/handling")
    String handle(
            @PathVariable long id,
            @PathVariable int number,
            @ModelAttribute("form") HandlingForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Consultation consultation = places.drafted(id);
        Round round = places.round(consultation, number);
        AccountId by = places.signedIn().orElseThrow(ConsultationPlaces::notFound);
        if (result.hasErrors() || !consultations.handle(round, form, by, result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return handlingPage(model, consultation, round, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/consultations/" + id + "/rounds/" + number + "/handling?handled="
                + form.chosen().size();
    }

    // versions

    @GetMapping("/consultations/{id}/versions/new")
    String newVersion(@PathVariable long id, Model model) {
        Consultation consultation = places.drafted(id);
        return versionPage(model, consultation, editable(places.latest(consultation)), FormErrors.none());
    }

    /** The latest version as Markdown with each paragraph's key before it, so that editing keeps identities. */
    String editable(Version version) {
        StringBuilder text = new StringBuilder();
        for (Paragraph p : store.paragraphs(version.id())) {
            text.append("<!-- ")
                    .append(p.key())
                    .append(" -->\n")
                    .append(p.text())
                    .append("\n\n");
        }
        return text.toString();
    }

    private String versionPage(Model model, Consultation consultation, String markdown, FormErrors errors) {
        model.addAttribute("edition", places.editionOf(consultation));
        model.addAttribute("consultation", reading.summary(consultation));
        model.addAttribute("latest", places.latest(consultation).number());
        model.addAttribute("markdown", markdown);
        model.addAttribute("errors", errors);
        return "consultation/version";
    }

    @PostMapping("/consultations/{id}/versions")
    String saveVersion(
            @PathVariable long id,
            @RequestParam(name = "markdown", defaultValue = "") String markdown,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        Consultation consultation = places.drafted(id);
        AccountId by = places.signedIn().orElseThrow(ConsultationPlaces::notFound);
        BindingResult result = new BeanPropertyBindingResult(new VersionText(markdown), "form");
        String text = markdown;
        int images = 0;
        if (file != null && !file.isEmpty()) {
            try {
                DraftImport.Imported imported =
                        DraftImport.read(file.getOriginalFilename(), ConsultationController.bytes(file));
                text = imported.markdown();
                images = imported.imagesDropped();
            } catch (DraftImport.Refused refused) {
                String field = "markdown";
                result.rejectValue(field, refused.refusal.messageKey);
            }
        }
        if (!result.hasErrors()) {
            consultations.checkDraft(text, "markdown", result);
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return versionPage(model, consultation, markdown, FormErrors.of(result, messages, locale));
        }
        int number = consultations.saveVersion(consultation, text, by);
        return "redirect:/consultations/" + id + "/compare?from=" + (number - 1) + "&to=" + number
                + (images > 0 ? "&imagesDropped=" + images : "");
    }

    /** The form's one field, for the binding result. */
    record VersionText(String markdown) {}

    // a reviewed translation of a paragraph

    @PostMapping("/consultations/{id}/paragraphs/{key}/translation")
    String review(
            @PathVariable long id,
            @PathVariable String key,
            @RequestParam(name = "version", defaultValue = "") String version,
            @ModelAttribute("review") ReviewForm review,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Consultation consultation = organised(id);
        Version shown = places.version(consultation, version);
        Paragraph paragraph = discussion.paragraph(shown, key);
        String language = review.language() == null ? "" : review.language().strip();
        String text = review.text() == null ? "" : review.text().strip();
        if (!ReadingLanguages.isKnown(language)) {
            result.rejectValue("language", "consultation.review.error.language");
        } else if (language.equals(consultation.language())) {
            result.rejectValue("language", "consultation.review.error.original");
        }
        if (text.isEmpty()) {
            result.rejectValue("text", "consultation.review.error.empty");
        } else if (text.length() > MAX_REVIEWED) {
            result.rejectValue("text", "consultation.review.error.tooLong", new Object[] {MAX_REVIEWED}, null);
        }
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return discussion.withReview(
                    model, consultation, shown, key, review, FormErrors.of(result, messages, locale), locale);
        }
        translations.review(
                new TextRef(ConsultationManagement.PARAGRAPH, paragraph.id()),
                language,
                text,
                places.signedIn().orElseThrow().value());
        // the draft page keeps the version's texts ready: the translation module's TranslationReady, published for
        // a reviewed translation as for a machine's, tells it (and every node) to reload them (DraftTexts)
        return "redirect:/consultations/" + id + "/paragraphs/" + key + "?version=" + shown.number() + "&reviewed";
    }

    /** A paragraph's reviewed translation may be longer than the paragraph, but not without bound. */
    static final int MAX_REVIEWED = ConsultationManagement.MAX_DRAFT / 10;
}
