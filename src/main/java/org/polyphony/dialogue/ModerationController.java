package org.polyphony.dialogue;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PostingAllowance;
import org.polyphony.dialogue.DialogueManagement.NotFound;
import org.polyphony.dialogue.DialogueManagement.PostRef;
import org.polyphony.forums.ForumManagement;
import org.polyphony.forums.ForumSessionId;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Flagging a post, the moderators' queue and actions, and the audit log that organisers read. */
@Controller
class ModerationController {

    private final DialogueModeration moderation;
    private final DialogueManagement dialogue;
    private final ForumManagement forums;
    private final AccountDirectory accounts;
    private final MessageSource messages;
    private final PostingAllowance allowance;
    private final ModerationTranslations moderationTranslations;

    ModerationController(
            ModerationTranslations moderationTranslations,
            DialogueModeration moderation,
            DialogueManagement dialogue,
            ForumManagement forums,
            AccountDirectory accounts,
            MessageSource messages,
            PostingAllowance allowance) {
        this.allowance = allowance;
        this.moderationTranslations = moderationTranslations;
        this.moderation = moderation;
        this.dialogue = dialogue;
        this.forums = forums;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/posts/{id}/flag")
    String flagForm(@PathVariable long id, Model model) {
        signedIn();
        return flagPage(model, id, new FlagForm(null, ""), FormErrors.none());
    }

    @PostMapping("/posts/{id}/flag")
    String flag(
            @PathVariable long id,
            @Valid @ModelAttribute("form") FlagForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId flagger = signedIn();
        PostRef post = dialogue.find(new PostId(id)).orElseThrow(NotFound::new);
        long session = dialogue.sessionOf(new ThreadId(post.threadId())).orElseThrow(NotFound::new);
        var edition =
                forums.editionOfSession(new ForumSessionId(session), false).orElseThrow(NotFound::new);
        if (edition.archived()) {
            throw new AccessDeniedException("the edition is archived");
        }
        if (allowance.mayWrite(flagger) == PostingAllowance.Verdict.SUSPENDED) {
            result.reject(PostingAllowance.Verdict.SUSPENDED.messageKey());
        }
        int threshold = edition.flagThreshold();
        moderation.flag(new PostId(id), flagger, form, threshold, result);
        if (result.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return flagPage(model, id, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:" + post.url("flagged");
    }

    @GetMapping("/moderation")
    @PreAuthorize("hasRole('MODERATOR')")
    String queue(
            @RequestParam(name = "done", required = false) String done,
            @RequestParam(name = "translationRequested", required = false) String requested,
            Model model,
            java.util.Locale locale) {
        var items = moderation.queue();
        AccountId moderator = accounts.signedIn().orElseThrow();
        model.addAttribute("items", items);
        model.addAttribute("notice", doneNotice(done));
        // stories wait in a queue of their own per edition: say where
        model.addAttribute(
                "storyQueues",
                forums.editions(false).stream().filter(e -> !e.archived()).toList());
        model.addAttribute("needs", moderationTranslations.needs(items, moderator, locale));
        model.addAttribute("moderatorLanguage", moderationTranslations.moderatorLanguage(moderator, locale));
        model.addAttribute("translationRequested", requested != null);
        return "dialogue/moderation";
    }

    @PostMapping("/moderation/posts/{id}/ask-translation")
    @PreAuthorize("hasRole('MODERATOR')")
    String askTranslation(@PathVariable long id, java.util.Locale locale) {
        AccountId moderator = accounts.signedIn().orElseThrow();
        moderationTranslations.ask(
                new PostId(id), moderator, moderationTranslations.moderatorLanguage(moderator, locale));
        return "redirect:/moderation?translationRequested#post-" + id;
    }

    @PostMapping("/moderation/posts/{id}/{action}")
    @PreAuthorize("hasRole('MODERATOR')")
    String act(
            @PathVariable long id,
            @PathVariable String action,
            @Valid @ModelAttribute("form") ModerationForm form,
            BindingResult result,
            @RequestParam(name = "from", required = false) String from) {
        DialogueModeration.Action chosen =
                switch (action) {
                    case "hide" -> DialogueModeration.Action.HIDE;
                    case "restore" -> DialogueModeration.Action.RESTORE;
                    case "dismiss" -> DialogueModeration.Action.DISMISS;
                    case "approve" -> DialogueModeration.Action.APPROVE;
                    case "reject" -> DialogueModeration.Action.REJECT;
                    default -> throw new NotFound();
                };
        dialogue.find(new PostId(id)).orElseThrow(NotFound::new);
        String reason = form.reason() == null || form.reason().length() <= 500
                ? form.reason()
                : form.reason().substring(0, 500);
        moderation.act(new PostId(id), signedIn(), chosen, reason);
        if (chosen == DialogueModeration.Action.APPROVE) {
            dialogue.approve(new PostId(id));
        }
        // back where the moderator acted, saying what was done
        return ("log".equals(from) ? "redirect:/moderation/log?done=" : "redirect:/moderation?done=") + action;
    }

    /** The confirmation shown after an action: its message key, or null for anything else in the address. */
    static String doneNotice(String done) {
        return done != null && DONE.contains(done) ? "safety.moderation.done." + done : null;
    }

    static final java.util.Set<String> DONE =
            java.util.Set.of("hide", "restore", "dismiss", "approve", "reject", "suspend");

    /** Suspends a post's author from writing; hides what they wrote only if the moderator says so. */
    @PostMapping("/moderation/posts/{id}/suspend-author")
    @PreAuthorize("hasRole('MODERATOR')")
    String suspendAuthor(
            @PathVariable long id,
            @RequestParam(name = "days", defaultValue = "7") int days,
            @RequestParam(name = "hidePosts", defaultValue = "false") boolean hidePosts,
            @RequestParam(name = "reason", defaultValue = "") String reason) {
        AccountId moderator = signedIn();
        AccountId author = moderation.authorOf(new PostId(id)).orElseThrow(NotFound::new);
        allowance.suspend(author, java.time.Duration.ofDays(Math.max(1, Math.min(days, 3650))));
        if (hidePosts) {
            moderation.hideAllBy(author, moderator, reason.length() > 500 ? reason.substring(0, 500) : reason);
        }
        return "redirect:/moderation?done=suspend";
    }

    @GetMapping("/moderation/log")
    @PreAuthorize("hasRole('ORGANISER')")
    String log(@RequestParam(name = "done", required = false) String done, Model model) {
        model.addAttribute("entries", moderation.log());
        model.addAttribute("notice", doneNotice(done));
        return "dialogue/moderation-log";
    }

    private String flagPage(Model model, long id, FlagForm form, FormErrors errors) {
        model.addAttribute("postId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", java.util.List.of(FlagReason.values()));
        return "dialogue/flag";
    }

    private AccountId signedIn() {
        return accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in to flag"));
    }
}
