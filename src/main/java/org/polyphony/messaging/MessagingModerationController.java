package org.polyphony.messaging;

import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The moderators' queue of reported conversations, their two actions, and the log of what was decided. */
@Controller
@PreAuthorize("hasRole('MODERATOR')")
class MessagingModerationController {

    private final MessagingModeration moderation;
    private final AccountDirectory accounts;

    MessagingModerationController(MessagingModeration moderation, AccountDirectory accounts) {
        this.moderation = moderation;
        this.accounts = accounts;
    }

    @GetMapping("/moderation/messages")
    String queue(@RequestParam(name = "done", required = false) String done, Model model) {
        model.addAttribute("reports", moderation.openReports());
        model.addAttribute("log", moderation.log());
        model.addAttribute(
                "done",
                done == null
                        ? null
                        : switch (done) {
                            case "dismiss" -> "messages.moderation.dismissed";
                            case "suspend" -> "messages.moderation.suspended";
                            case "gone" -> "messages.moderation.gone";
                            default -> null;
                        });
        return "messaging/moderation";
    }

    @PostMapping("/moderation/messages/{report}/dismiss")
    String dismiss(@PathVariable long report, @RequestParam(name = "reason", defaultValue = "") String reason) {
        boolean done = moderation.dismiss(report, signedIn(), reason);
        return "redirect:/moderation/messages?done=" + (done ? "dismiss" : "gone");
    }

    @PostMapping("/moderation/messages/{report}/suspend")
    String suspend(
            @PathVariable long report,
            @RequestParam(name = "days", defaultValue = "7") int days,
            @RequestParam(name = "reason", defaultValue = "") String reason) {
        boolean done = moderation.suspend(report, signedIn(), days, reason);
        return "redirect:/moderation/messages?done=" + (done ? "suspend" : "gone");
    }

    @GetMapping({"/moderation/messages/{report}/dismiss", "/moderation/messages/{report}/suspend"})
    String backToQueue() {
        return "redirect:/moderation/messages";
    }

    private AccountId signedIn() {
        return accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in to moderate"));
    }
}
