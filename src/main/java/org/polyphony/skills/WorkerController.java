package org.polyphony.skills;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
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

/**
 * The worker's side of the pilot: their skills profile (build, pause, export, delete), the opportunities that
 * match it with the explanation, interest with what to share, and reports of abusive recruitment.
 */
@Controller
class WorkerController {

    private final SkillsPlaces places;
    private final SkillsProfiles profiles;
    private final Opportunities opportunities;
    private final OpportunityViews views;
    private final Candidates candidates;
    private final Interests interests;
    private final RecruitmentReports reports;
    private final SkillsPersonalData personalData;
    private final MessageSource messages;

    WorkerController(
            SkillsPlaces places,
            SkillsProfiles profiles,
            Opportunities opportunities,
            OpportunityViews views,
            Candidates candidates,
            Interests interests,
            RecruitmentReports reports,
            SkillsPersonalData personalData,
            MessageSource messages) {
        this.places = places;
        this.profiles = profiles;
        this.opportunities = opportunities;
        this.views = views;
        this.candidates = candidates;
        this.interests = interests;
        this.reports = reports;
        this.personalData = personalData;
        this.messages = messages;
    }

    @GetMapping("/skills/profile")
    String profile(@RequestParam(name = "notice", required = false) String notice, Model model) {
        AccountId me = places.signedIn();
        Optional<SkillsProfile> profile = profiles.of(me);
        model.addAttribute(
                "notice",
                notice == null
                        ? null
                        : switch (notice) {
                            case "saved" -> "skills.profile.saved";
                            case "paused" -> "skills.profile.pausedNotice";
                            case "resumed" -> "skills.profile.resumedNotice";
                            case "deleted" -> "skills.profile.deletedNotice";
                            default -> null;
                        });
        return profilePage(
                model, profile, profile.map(SkillsProfile::form).orElse(SkillsProfileForm.blank()), FormErrors.none());
    }

    @PostMapping("/skills/profile")
    String saveProfile(
            @ModelAttribute("form") SkillsProfileForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = places.signedIn();
        if (result.hasErrors() || !profiles.save(me, form, result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return profilePage(model, profiles.of(me), form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/skills/profile?notice=saved";
    }

    @PostMapping("/skills/profile/pause")
    String pause(@RequestParam(name = "paused", defaultValue = "true") String paused) {
        boolean pause = !"false".equals(paused);
        profiles.pause(places.signedIn(), pause);
        return "redirect:/skills/profile?notice=" + (pause ? "paused" : "resumed");
    }

    @PostMapping("/skills/profile/delete")
    String delete() {
        profiles.delete(places.signedIn());
        return "redirect:/skills/profile?notice=deleted";
    }

    @GetMapping(value = "/skills/profile/export.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> export() {
        Object data = personalData.dataOf(places.signedIn());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"skills-profile.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(data == null ? java.util.Map.of() : data);
    }

    @GetMapping("/skills/matches")
    String matches(Model model, Locale locale) {
        Optional<SkillsProfile> profile = profiles.of(places.signedIn());
        if (profile.isEmpty()) {
            return "redirect:/skills/profile";
        }
        var editions = places.visibleEditions();
        List<Candidates.WorkerMatch> found = candidates.forWorker(profile.get(), opportunities::allOpen).stream()
                .filter(m -> editions.contains(m.opportunity().edition()))
                .toList();
        List<OpportunityView> shown =
                views.of(found.stream().map(Candidates.WorkerMatch::opportunity).toList(), locale);
        model.addAttribute("profile", profile.get());
        model.addAttribute("matches", found);
        model.addAttribute("views", shown);
        return "skills/matches";
    }

    @PostMapping("/skills/opportunities/{id}/interest")
    String interest(@PathVariable long id, @RequestParam(name = "share", required = false) List<String> share) {
        AccountId me = places.signedIn();
        Opportunity opportunity = places.readable(id);
        Optional<SkillsProfile> profile = profiles.of(me);
        boolean matches = profile.flatMap(p -> Matching.match(p.worker(), opportunity.offer()))
                .map(Matching::candidate)
                .orElse(false);
        if (!opportunity.open() || profile.isEmpty() || profile.get().paused() || !matches) {
            return "redirect:/skills/opportunities/" + id + "?notice=interestRefused";
        }
        interests.express(id, profile.get().id(), share == null ? List.of() : share);
        return "redirect:/skills/opportunities/" + id + "?notice=interest";
    }

    @PostMapping("/skills/opportunities/{id}/withdraw")
    String withdraw(@PathVariable long id) {
        AccountId me = places.signedIn();
        places.readable(id);
        profiles.of(me).ifPresent(profile -> {
            interests.withdraw(id, profile.id());
            profiles.renumber(profile.id());
        });
        return "redirect:/skills/opportunities/" + id + "?notice=withdrawn";
    }

    @GetMapping("/skills/opportunities/{id}/report")
    String reportForm(@PathVariable long id, Model model, Locale locale) {
        places.signedIn();
        return reportPage(model, places.readable(id), locale, "", "", FormErrors.none());
    }

    @PostMapping("/skills/opportunities/{id}/report")
    String report(
            @PathVariable long id,
            @ModelAttribute("form") ReportFields form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = places.signedIn();
        Opportunity opportunity = places.readable(id);
        if (!reports.report(id, me, form.reason(), form.note(), result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return reportPage(
                    model, opportunity, locale, form.reason(), form.note(), FormErrors.of(result, messages, locale));
        }
        return "redirect:/skills/opportunities/" + id + "?notice=reported";
    }

    /** The report form: why, and what happened in the reporter's words. */
    record ReportFields(String reason, String note) {
        ReportFields {
            reason = reason == null ? "" : reason.strip();
            note = note == null ? "" : note.strip();
        }
    }

    private String reportPage(
            Model model, Opportunity opportunity, Locale locale, String reason, String note, FormErrors errors) {
        model.addAttribute("opportunity", views.of(opportunity, locale));
        model.addAttribute("reason", reason);
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        return "skills/report";
    }

    private String profilePage(
            Model model, Optional<SkillsProfile> profile, SkillsProfileForm form, FormErrors errors) {
        model.addAttribute("profile", profile.orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "skills/profile";
    }
}
