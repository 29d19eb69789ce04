package org.polyphony.followup;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.ActionLimits;
import org.polyphony.languages.Countries;
import org.polyphony.people.OrganisationChoice;
import org.polyphony.people.PeopleManagement;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * Commitments: the form to commit, the commitment's page (claimed level, updates with the standing of each claim,
 * evidence, reactions), posting an update, confirming or contesting one, verifying, and downloading evidence.
 */
@Controller
class CommitmentsController {

    private final FollowupPlaces places;
    private final Progress progress;
    private final FollowupReading reading;
    private final IndicatorStore indicators;
    private final CommitmentStore store;
    private final FollowupNotices notices;
    private final PeopleManagement people;
    private final AccountDirectory accounts;
    private final ActionLimits limits;
    private final EvidenceFiles files;
    private final MessageSource messages;

    CommitmentsController(
            FollowupPlaces places,
            Progress progress,
            FollowupReading reading,
            IndicatorStore indicators,
            CommitmentStore store,
            FollowupNotices notices,
            PeopleManagement people,
            AccountDirectory accounts,
            ActionLimits limits,
            EvidenceFiles files,
            MessageSource messages) {
        this.files = files;
        this.places = places;
        this.progress = progress;
        this.reading = reading;
        this.indicators = indicators;
        this.store = store;
        this.notices = notices;
        this.people = people;
        this.accounts = accounts;
        this.limits = limits;
        this.messages = messages;
    }

    @GetMapping("/followup/recommendations/{id}/commit")
    String commitForm(@PathVariable long id, Model model, Locale locale) {
        if (places.signedIn().isEmpty()) {
            return "redirect:/login";
        }
        return commitPage(places.recommendation(id), CommitmentForm.blank(), FormErrors.none(), model, locale);
    }

    @PostMapping("/followup/recommendations/{id}/commit")
    String commit(
            @PathVariable long id,
            @ModelAttribute("form") CommitmentForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = places.requireSignedIn();
        Recommendation recommendation = places.recommendation(id);
        Optional<Long> created =
                result.hasErrors() ? Optional.empty() : progress.commit(recommendation, form, me, result);
        if (created.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return commitPage(recommendation, form, FormErrors.of(result, messages, locale), model, locale);
        }
        return "redirect:/followup/commitments/" + created.get();
    }

    private String commitPage(
            Recommendation recommendation, CommitmentForm form, FormErrors errors, Model model, Locale locale) {
        model.addAttribute("recommendation", recommendation);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "organisations", places.signedIn().map(people::administeredBy).orElse(List.of()));
        model.addAttribute("organiser", places.organiser());
        model.addAttribute("countries", Countries.sortedByName(locale));
        model.addAttribute("indicators", indicators.all());
        return "followup/commitment-form";
    }

    @GetMapping("/followup/commitments/{id}")
    String commitment(@PathVariable long id, Model model, Locale locale) {
        return commitmentPage(
                places.commitment(id),
                UpdateForm.blank(),
                FormErrors.none(),
                ReactionForm.blank(),
                FormErrors.none(),
                null,
                model,
                locale);
    }

    @PostMapping("/followup/commitments/{id}/updates")
    String postUpdate(
            @PathVariable long id,
            @ModelAttribute("updateForm") UpdateForm form,
            BindingResult result,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = places.requireSignedIn();
        Commitment commitment = places.commitment(id);
        if (!limits.by("followup-update", String.valueOf(me.value()), 30, Duration.ofHours(1))) {
            result.reject("followup.tooMany");
        }
        Optional<Long> update =
                result.hasErrors() ? Optional.empty() : progress.update(commitment, form, files, me, result);
        if (update.isEmpty()) {
            response.setStatus(
                    progress.maySpeakFor(commitment, me)
                            ? HttpStatus.UNPROCESSABLE_CONTENT.value()
                            : HttpStatus.FORBIDDEN.value());
            return commitmentPage(
                    commitment,
                    form,
                    FormErrors.of(result, messages, locale),
                    ReactionForm.blank(),
                    FormErrors.none(),
                    null,
                    model,
                    locale);
        }
        return "redirect:/followup/commitments/" + id + "#update-" + update.get();
    }

    @PostMapping("/followup/updates/{id}/reactions")
    String react(
            @PathVariable long id,
            @ModelAttribute("reactionForm") ReactionForm form,
            BindingResult result,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = places.requireSignedIn();
        ProgressUpdate update = places.update(id);
        Commitment commitment = places.commitment(update.commitmentId());
        if (!limits.by("followup-reaction", String.valueOf(me.value()), 30, Duration.ofHours(1))) {
            result.reject("followup.tooMany");
        }
        Optional<Long> reaction =
                result.hasErrors() ? Optional.empty() : progress.react(commitment, update, form, files, me, result);
        if (reaction.isEmpty()) {
            response.setStatus(
                    people.administeredBy(me).isEmpty()
                            ? HttpStatus.FORBIDDEN.value()
                            : HttpStatus.UNPROCESSABLE_CONTENT.value());
            return commitmentPage(
                    commitment,
                    UpdateForm.blank(),
                    FormErrors.none(),
                    form,
                    FormErrors.of(result, messages, locale),
                    id,
                    model,
                    locale);
        }
        return "redirect:/followup/commitments/" + commitment.id() + "#update-" + id;
    }

    @PostMapping("/followup/updates/{id}/verify")
    String verify(@PathVariable long id) {
        AccountId me = places.requireSignedIn();
        places.requireOrganiser();
        ProgressUpdate update = places.update(id);
        progress.verify(update, me);
        return "redirect:/followup/commitments/" + update.commitmentId() + "#update-" + id;
    }

    /** Evidence only ever as a download: never rendered from our origin, never sniffed into something else. */
    @GetMapping("/followup/evidence/{id}")
    ResponseEntity<byte[]> evidence(@PathVariable long id) {
        Evidence evidence = store.evidence(id).filter(Evidence::file).orElseThrow(FollowupPlaces::notFound);
        long update = evidence.updateId() != null
                ? evidence.updateId()
                : store.updateOfReaction(evidence.reactionId()).orElseThrow(FollowupPlaces::notFound);
        places.update(update);
        byte[] content = files.read(evidence.fileKey()).orElseThrow(FollowupPlaces::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(evidence.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(content);
    }

    private String commitmentPage(
            Commitment commitment,
            UpdateForm updateForm,
            FormErrors updateErrors,
            ReactionForm reactionForm,
            FormErrors reactionErrors,
            Long reactingTo,
            Model model,
            Locale locale) {
        Recommendation recommendation = places.recommendation(commitment.recommendationId());
        Optional<AccountId> me = places.signedIn();
        FollowupReading.CommitmentSummary summary = reading.summaries(List.of(recommendation.id()), locale).stream()
                .filter(s -> s.commitment().id() == commitment.id())
                .findFirst()
                .orElseThrow();
        List<OrganisationChoice> mine = me.map(people::administeredBy).orElse(List.of());
        model.addAttribute("recommendation", recommendation);
        model.addAttribute(
                "edition", places.editionById(recommendation.editionId()).orElseThrow());
        model.addAttribute("summary", summary);
        model.addAttribute("updates", reading.updates(commitment, accounts.readerLanguages(locale)));
        model.addAttribute(
                "indicator",
                commitment.indicatorId() == null
                        ? null
                        : indicators.find(commitment.indicatorId()).orElse(null));
        model.addAttribute(
                "maySpeak", me.map(a -> progress.maySpeakFor(commitment, a)).orElse(false));
        model.addAttribute(
                "reactingOrganisations",
                mine.stream()
                        .filter(o -> !Long.valueOf(o.id()).equals(commitment.organisationId()))
                        .toList());
        model.addAttribute("organiser", places.organiser());
        model.addAttribute("signedIn", me.isPresent());
        model.addAttribute(
                "following",
                me.map(a -> notices.follows(a, FollowupNotices.Target.COMMITMENT, commitment.id()))
                        .orElse(false));
        model.addAttribute("updateForm", updateForm);
        model.addAttribute("updateErrors", updateErrors);
        model.addAttribute("reactionForm", reactionForm);
        model.addAttribute("reactionErrors", reactionErrors);
        model.addAttribute("reactingTo", reactingTo);
        model.addAttribute("levels", List.of(CompletionLevel.values()));
        return "followup/commitment";
    }
}
