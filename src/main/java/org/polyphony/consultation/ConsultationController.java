package org.polyphony.consultation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.ActionLimits;
import org.polyphony.accounts.PostingAllowance;
import org.polyphony.antennas.HubAudiences;
import org.polyphony.consultation.ConsultationStore.Consultation;
import org.polyphony.consultation.ConsultationStore.Version;
import org.polyphony.forums.Edition;
import org.polyphony.people.OrganisationRoles;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * An edition's consultations, the form to open one, the draft page (paragraphs with collapsed comment counts), a
 * paragraph's (or the whole draft's) comments with the form to comment, and supporting and flagging comments.
 * Plain forms and redirects: no JavaScript needed.
 */
@Controller
class ConsultationController {

    private final ConsultationManagement consultations;
    private final ConsultationStore store;
    private final ConsultationPlaces places;
    private final ConsultationReading reading;
    private final OrganisationRoles organisations;
    private final HubAudiences hubs;
    private final PostingAllowance allowance;
    private final ActionLimits limits;
    private final MessageSource messages;
    private final ParagraphDiscussion discussion;

    ConsultationController(
            ConsultationManagement consultations,
            ConsultationStore store,
            ConsultationPlaces places,
            ConsultationReading reading,
            OrganisationRoles organisations,
            HubAudiences hubs,
            PostingAllowance allowance,
            ActionLimits limits,
            MessageSource messages,
            ParagraphDiscussion discussion) {
        this.consultations = consultations;
        this.store = store;
        this.places = places;
        this.reading = reading;
        this.organisations = organisations;
        this.hubs = hubs;
        this.allowance = allowance;
        this.limits = limits;
        this.messages = messages;
        this.discussion = discussion;
    }

    @GetMapping("/editions/{slug}/consultations")
    String list(@PathVariable String slug, Model model) {
        Edition edition = places.edition(slug);
        model.addAttribute("edition", edition);
        model.addAttribute(
                "consultations",
                store.ofEdition(edition.id().value()).stream()
                        .map(reading::summary)
                        .toList());
        model.addAttribute("organiser", places.organiser());
        return "consultation/list";
    }

    @GetMapping("/editions/{slug}/consultations/new")
    String newConsultation(@PathVariable String slug, Model model) {
        Edition edition = places.edition(slug);
        if (!places.organiser()) {
            throw ConsultationPlaces.notFound();
        }
        return form(model, edition, ConsultationForm.blank(ConsultationManagement.today()), FormErrors.none(), null);
    }

    @PostMapping("/editions/{slug}/consultations")
    String create(
            @PathVariable String slug,
            @ModelAttribute("form") ConsultationForm form,
            BindingResult result,
            @RequestParam(name = "file", required = false) MultipartFile file,
            Model model,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        Edition edition = places.edition(slug);
        AccountId organiser =
                places.signedIn().filter(a -> places.organiser()).orElseThrow(ConsultationPlaces::notFound);
        if (edition.archived()) {
            result.reject("consultation.archived");
        }
        String draft = form.draft();
        Integer imagesDropped = null;
        if (file != null && !file.isEmpty()) {
            try {
                DraftImport.Imported imported = DraftImport.read(file.getOriginalFilename(), bytes(file));
                draft = imported.markdown();
                imagesDropped = imported.imagesDropped();
            } catch (DraftImport.Refused refused) {
                String field = "draft";
                result.rejectValue(field, refused.refusal.messageKey);
            }
        }
        Long session = null;
        if (form.session() != null && !form.session().isBlank()) {
            session = edition.session(form.session().strip())
                    .map(s -> s.id().value())
                    .orElse(null);
            if (session == null) {
                result.rejectValue("session", "consultation.session.unknown");
            }
        }
        Set<Long> known = new HashSet<>();
        organisations.choices().forEach(o -> known.add(o.id()));
        Set<Long> knownHubs = new HashSet<>();
        hubs.ofEdition(edition.id().value()).forEach(h -> knownHubs.add(h.id()));
        // a refused file already explains itself: the draft is not checked a second time
        List<ConsultationManagement.Dates> rounds =
                consultations.check(form, result.hasFieldErrors("draft") ? "-" : draft, known, knownHubs, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return form(model, edition, form, FormErrors.of(result, messages, locale), null);
        }
        long id = consultations.create(edition.id().value(), session, form, draft, rounds, organiser);
        return "redirect:/consultations/" + id
                + (imagesDropped != null && imagesDropped > 0 ? "?imagesDropped=" + imagesDropped : "");
    }

    /** Reads at most one byte more than the limit, so that a huge upload is refused without being kept whole. */
    static byte[] bytes(MultipartFile file) throws IOException {
        try (var in = file.getInputStream()) {
            return in.readNBytes(DraftImport.MAX_BYTES + 1);
        }
    }

    private String form(Model model, Edition edition, ConsultationForm form, FormErrors errors, String notice) {
        model.addAttribute("edition", edition);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("organisations", organisations.choices());
        model.addAttribute("hubs", hubs.ofEdition(edition.id().value()));
        return "consultation/form";
    }

    @GetMapping("/consultations/{id}")
    String draft(
            @PathVariable long id,
            @RequestParam(name = "version", required = false) String version,
            @RequestParam(name = "original", required = false) String original,
            @RequestParam(name = "imagesDropped", required = false) String imagesDropped,
            Model model,
            Locale locale) {
        Consultation consultation = places.consultation(id);
        Version shown = places.version(consultation, version);
        boolean originals = original != null;
        model.addAttribute("edition", places.editionOf(consultation));
        model.addAttribute("consultation", reading.summary(consultation));
        model.addAttribute("version", shown);
        model.addAttribute("latest", places.latest(consultation).number());
        model.addAttribute("versions", store.versions(consultation.id()));
        Map<Long, Integer> counts = store.counts(shown.id());
        model.addAttribute("draft", reading.draft(shown, places.readerLanguages(locale), originals));
        model.addAttribute("counts", counts);
        model.addAttribute("draftComments", counts.getOrDefault(0L, 0));
        model.addAttribute("originals", originals);
        model.addAttribute("drafts", places.drafts(consultation));
        model.addAttribute(
                "imagesDropped", imagesDropped != null && imagesDropped.matches("\\d{1,5}") ? imagesDropped : null);
        return "consultation/draft";
    }

    /** A paragraph's comments ({@code draft}: the comments on the draft as a whole) and the form to add one. */
    @GetMapping("/consultations/{id}/paragraphs/{key}")
    String paragraph(
            @PathVariable long id,
            @PathVariable String key,
            @RequestParam(name = "version", required = false) String version,
            @RequestParam(name = "reviewed", required = false) String reviewed,
            Model model,
            Locale locale) {
        Consultation consultation = places.consultation(id);
        Version shown = places.version(consultation, version);
        model.addAttribute("reviewed", reviewed != null && places.organiser());
        return discussion.withComment(
                model, consultation, shown, key, CommentForm.blank(key, shown.number()), FormErrors.none(), locale);
    }

    @PostMapping("/consultations/{id}/comments")
    String comment(
            @PathVariable long id,
            @ModelAttribute("form") CommentForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        Consultation consultation = places.consultation(id);
        AccountId author = places.signedIn().orElseThrow(ConsultationPlaces::notFound);
        String key = form.paragraph() == null || form.paragraph().isBlank()
                ? "draft"
                : form.paragraph().strip();
        Version latest = places.latest(consultation);
        if (!places.mayComment(consultation)) {
            result.reject("consultation.comment.notAllowed");
        } else {
            PostingAllowance.Verdict verdict = allowance.mayWrite(author);
            if (verdict != PostingAllowance.Verdict.ALLOWED) {
                result.reject(verdict.messageKey());
            } else if (!limits.by(
                    "consultation-comment", String.valueOf(author.value()), 30, java.time.Duration.ofMinutes(10))) {
                result.reject("consultation.comment.tooMany");
            }
        }
        Optional<Long> saved =
                result.hasErrors() ? Optional.empty() : consultations.comment(consultation, form, author, result);
        if (saved.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Version shown = latest;
            if (form.version() != null) {
                shown = store.versions(consultation.id()).stream()
                        .filter(v -> v.number() == form.version())
                        .findFirst()
                        .orElse(latest);
            }
            boolean known = "draft".equals(key)
                    || store.paragraphs(shown.id()).stream()
                            .anyMatch(p -> p.key().equals(key));
            return discussion.withComment(
                    model,
                    consultation,
                    shown,
                    known ? key : "draft",
                    form,
                    FormErrors.of(result, messages, locale),
                    locale);
        }
        return "redirect:/consultations/" + id + "/paragraphs/" + key + "#comment-" + saved.get();
    }

    @PostMapping("/consultations/comments/{comment}/support")
    String support(@PathVariable long comment) {
        var found = places.comment(comment);
        Consultation consultation = places.consultation(store.consultationOfComment(comment));
        AccountId account = places.signedIn().orElseThrow(ConsultationPlaces::notFound);
        if (found.hidden() || found.withdrawn() || !places.mayComment(consultation)) {
            throw ConsultationPlaces.notFound();
        }
        consultations.support(comment, account);
        return "redirect:" + back(consultation, found) + "#comment-" + comment;
    }

    @PostMapping("/consultations/comments/{comment}/flag")
    String flag(@PathVariable long comment) {
        var found = places.comment(comment);
        Consultation consultation = places.consultation(store.consultationOfComment(comment));
        AccountId account = places.signedIn().orElseThrow(ConsultationPlaces::notFound);
        if (found.hidden() || found.withdrawn()) {
            throw ConsultationPlaces.notFound();
        }
        if (limits.by("consultation-flag", String.valueOf(account.value()), 30, java.time.Duration.ofHours(1))) {
            consultations.flag(found, account, places.editionOf(consultation).flagThreshold());
        }
        return "redirect:" + back(consultation, found) + "&flagged";
    }

    String back(Consultation consultation, ConsultationStore.Comment comment) {
        return places.discussionOf(consultation, comment);
    }
}
