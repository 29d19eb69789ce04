package org.polyphony.skills;

import java.util.Locale;
import org.polyphony.accounts.AccountId;
import org.polyphony.forums.Edition;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Moderators' queue of recruitment reports (never naming who reported), suspensions, and the organisers'
 * figures of an edition's pilot.
 */
@Controller
class PilotAdministrationController {

    private final SkillsPlaces places;
    private final RecruitmentReports reports;
    private final PilotFigures figures;

    PilotAdministrationController(SkillsPlaces places, RecruitmentReports reports, PilotFigures figures) {
        this.places = places;
        this.reports = reports;
        this.figures = figures;
    }

    @GetMapping("/skills/moderation")
    String queue(@RequestParam(name = "notice", required = false) String notice, Model model) {
        moderator();
        model.addAttribute("reports", reports.open());
        model.addAttribute("suspended", reports.suspended());
        model.addAttribute(
                "notice",
                notice == null
                        ? null
                        : switch (notice) {
                            case "confirmed" -> "skills.moderation.confirmedNotice";
                            case "suspended" -> "skills.moderation.suspendedNotice";
                            case "dismissed" -> "skills.moderation.dismissedNotice";
                            case "lifted" -> "skills.moderation.liftedNotice";
                            default -> null;
                        });
        return "skills/moderation";
    }

    @PostMapping("/skills/moderation/reports/{id}")
    String decide(@PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision) {
        AccountId me = moderator();
        if (!decision.equals("confirm") && !decision.equals("dismiss")) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        boolean suspended = reports.decide(id, decision.equals("confirm"), me).orElseThrow(SkillsPlaces::notFound);
        return "redirect:/skills/moderation?notice="
                + (suspended ? "suspended" : decision.equals("confirm") ? "confirmed" : "dismissed");
    }

    @PostMapping("/skills/moderation/suspensions/{organisation}/lift")
    String lift(@PathVariable long organisation) {
        moderator();
        reports.lift(organisation);
        return "redirect:/skills/moderation?notice=lifted";
    }

    @GetMapping("/editions/{slug}/skills/figures")
    String figures(@PathVariable String slug, Model model, Locale locale) {
        if (!places.organiser()) {
            places.signedIn();
            throw new AccessDeniedException("organisers only");
        }
        Edition edition = places.edition(slug);
        model.addAttribute("edition", edition);
        model.addAttribute("figures", figures.of(edition.id().value()));
        return "skills/figures";
    }

    private AccountId moderator() {
        AccountId me = places.signedIn();
        if (!places.moderator()) {
            throw new AccessDeniedException("moderators only");
        }
        return me;
    }
}
