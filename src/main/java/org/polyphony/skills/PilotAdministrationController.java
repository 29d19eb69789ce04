package org.polyphony.skills;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.polyphony.accounts.AccountId;
import org.polyphony.forums.Edition;
import org.polyphony.web.FormErrors;
import org.springframework.http.HttpStatus;
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
    private final ConversationReports conversationReports;
    private final PilotFigures figures;
    private final PilotNames names;
    private final org.springframework.context.MessageSource messages;

    PilotAdministrationController(
            SkillsPlaces places,
            RecruitmentReports reports,
            ConversationReports conversationReports,
            PilotFigures figures,
            PilotNames names,
            org.springframework.context.MessageSource messages) {
        this.names = names;
        this.messages = messages;
        this.places = places;
        this.reports = reports;
        this.conversationReports = conversationReports;
        this.figures = figures;
    }

    @GetMapping("/skills/moderation")
    String queue(@RequestParam(name = "notice", required = false) String notice, Model model) {
        moderator();
        model.addAttribute("reports", reports.open());
        model.addAttribute("suspended", reports.suspended());
        model.addAttribute("conversationReports", conversationReports.open());
        model.addAttribute(
                "notice",
                notice == null
                        ? null
                        : switch (notice) {
                            case "confirmed" -> "skills.moderation.confirmedNotice";
                            case "suspended" -> "skills.moderation.suspendedNotice";
                            case "dismissed" -> "skills.moderation.dismissedNotice";
                            case "lifted" -> "skills.moderation.liftedNotice";
                            case "writerSuspended" -> "skills.conversationReport.suspendedNotice";
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

    /** A report of a conversation under a candidate number: suspend the side it reports, or dismiss it. */
    @PostMapping("/skills/moderation/conversation-reports/{id}")
    String decideConversation(
            @PathVariable long id, @RequestParam(name = "decision", defaultValue = "") String decision) {
        AccountId me = moderator();
        if (!decision.equals("suspend") && !decision.equals("dismiss")) {
            throw new org.springframework.web.server.ResponseStatusException(
                    org.springframework.http.HttpStatus.BAD_REQUEST);
        }
        boolean suspended =
                conversationReports.decide(id, decision.equals("suspend"), me).orElseThrow(SkillsPlaces::notFound);
        return "redirect:/skills/moderation?notice=" + (suspended ? "writerSuspended" : "dismissed");
    }

    @PostMapping("/skills/moderation/suspensions/{organisation}/lift")
    String lift(@PathVariable long organisation) {
        moderator();
        reports.lift(organisation);
        return "redirect:/skills/moderation?notice=lifted";
    }

    @GetMapping("/editions/{slug}/skills/figures")
    String figures(
            @PathVariable String slug,
            @RequestParam(name = "notice", required = false) String notice,
            Model model,
            Locale locale) {
        organiser();
        Edition edition = places.edition(slug);
        model.addAttribute("notice", "named".equals(notice) ? "skills.pilot.name.saved" : null);
        return figuresPage(model, edition, names.of(edition.id().value()).orElse(""), FormErrors.none());
    }

    /** Organisers name their edition's pilot ("Skills matching for domestic and care work"). */
    @PostMapping("/editions/{slug}/skills/name")
    String name(
            @PathVariable String slug,
            @RequestParam(name = "name", defaultValue = "") String typed,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = organiser();
        Edition edition = places.edition(slug);
        String name = typed.strip();
        if (name.isEmpty() || name.length() > PilotNames.LENGTH) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("notice", null);
            return figuresPage(
                    model,
                    edition,
                    typed,
                    FormErrors.field("name", messages.getMessage("skills.pilot.name.length", null, locale)));
        }
        names.name(edition.id().value(), name, me);
        return "redirect:/editions/" + slug + "/skills/figures?notice=named#name";
    }

    private String figuresPage(Model model, Edition edition, String name, FormErrors errors) {
        model.addAttribute("edition", edition);
        model.addAttribute("figures", figures.of(edition.id().value()));
        model.addAttribute("pilotName", name);
        model.addAttribute("errors", errors);
        return "skills/figures";
    }

    private AccountId organiser() {
        AccountId me = places.signedIn();
        if (!places.organiser()) {
            throw new AccessDeniedException("organisers only");
        }
        return me;
    }

    private AccountId moderator() {
        AccountId me = places.signedIn();
        if (!places.moderator()) {
            throw new AccessDeniedException("moderators only");
        }
        return me;
    }
}
