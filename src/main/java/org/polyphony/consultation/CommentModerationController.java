package org.polyphony.consultation;

import java.util.Locale;
import org.polyphony.consultation.ConsultationStore.Comment;
import org.polyphony.consultation.ConsultationStore.Consultation;
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
 * Moderators' queue of a consultation's flagged and hidden comments: hide or restore, with a reason that the audit
 * log keeps. A comment flagged by as many people as the edition's threshold is hidden until a moderator looks.
 */
@Controller
class CommentModerationController {

    private final ConsultationManagement consultations;
    private final ConsultationStore store;
    private final ConsultationPlaces places;
    private final ConsultationReading reading;

    CommentModerationController(
            ConsultationManagement consultations,
            ConsultationStore store,
            ConsultationPlaces places,
            ConsultationReading reading) {
        this.consultations = consultations;
        this.store = store;
        this.places = places;
        this.reading = reading;
    }

    @GetMapping("/consultations/{id}/moderation")
    @PreAuthorize("hasRole('MODERATOR')")
    String queue(@PathVariable long id, Model model, Locale locale) {
        Consultation consultation = places.consultation(id);
        model.addAttribute("edition", places.editionOf(consultation));
        model.addAttribute("consultation", reading.summary(consultation));
        model.addAttribute("comments", store.flaggedOrHidden(consultation.id()));
        model.addAttribute("log", store.moderationLog(consultation.id()));
        model.addAttribute("refused", null);
        model.addAttribute("typed", "");
        return "consultation/moderation";
    }

    @PostMapping("/consultations/comments/{comment}/moderation")
    @PreAuthorize("hasRole('MODERATOR')")
    String moderate(
            @PathVariable long comment,
            @RequestParam(name = "action", defaultValue = "") String action,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        Comment found = places.comment(comment);
        Consultation consultation = places.consultation(store.consultationOfComment(comment));
        boolean hide =
                switch (action) {
                    case "hide" -> true;
                    case "restore" -> false;
                    default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
                };
        if (reason.isBlank() || reason.length() > ConsultationManagement.MAX_REASON) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("edition", places.editionOf(consultation));
            model.addAttribute("consultation", reading.summary(consultation));
            model.addAttribute("comments", store.flaggedOrHidden(consultation.id()));
            model.addAttribute("log", store.moderationLog(consultation.id()));
            // said next to this comment's reason field, with what was typed kept
            model.addAttribute("refused", comment);
            model.addAttribute("typed", reason);
            return "consultation/moderation";
        }
        consultations.moderate(found, hide, reason.strip(), places.signedIn().orElseThrow(), consultation.editionId());
        return "redirect:/consultations/" + consultation.id() + "/moderation";
    }
}
