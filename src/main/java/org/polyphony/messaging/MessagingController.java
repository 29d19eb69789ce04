package org.polyphony.messaging;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's direct messages: their conversations, one conversation with its reply form, a new message, blocking,
 * reporting and the settings. Plain forms and redirects, so everything works without JavaScript. Only the two
 * participants ever reach a conversation's page; for anyone else it does not exist.
 */
@Controller
class MessagingController {

    private final MessagingManagement messaging;
    private final AccountDirectory accounts;
    private final MessageSource messages;
    private final MessagingPersonalData personalData;

    MessagingController(
            MessagingManagement messaging,
            AccountDirectory accounts,
            MessageSource messages,
            MessagingPersonalData personalData) {
        this.personalData = personalData;
        this.messaging = messaging;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/messages")
    String list(Model model) {
        AccountId me = signedIn();
        model.addAttribute("conversations", messaging.conversations(me));
        model.addAttribute("accepts", messaging.accepts(me));
        return "messaging/list";
    }

    /** The signed-in person's own conversations as JSON, to keep or take elsewhere. */
    @GetMapping(value = "/messages/data", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> data() {
        Object body = personalData.dataOf(signedIn());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"polyphony-my-messages.json\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    @GetMapping("/messages/new")
    String newMessage(@RequestParam(name = "to", required = false) String to, Model model) {
        AccountId me = signedIn();
        return newPage(model, me, MessageForm.to(to), FormErrors.none());
    }

    @PostMapping("/messages/new")
    String send(
            @ModelAttribute("form") MessageForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedIn();
        var sent = messaging.send(me, form, result);
        if (sent.isEmpty()) {
            response.setStatus(statusOf(result));
            return newPage(model, me, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/messages/" + sent.get() + "#latest";
    }

    @GetMapping("/messages/{id}")
    String conversation(
            @PathVariable long id,
            @RequestParam(name = "before", required = false) Long before,
            @RequestParam(name = "reported", required = false) String reported,
            Model model) {
        AccountId me = signedIn();
        model.addAttribute("reported", reported != null);
        return conversationPage(model, me, id, before, MessageForm.to(""), FormErrors.none());
    }

    @PostMapping("/messages/{id}")
    String reply(
            @PathVariable long id,
            @ModelAttribute("form") MessageForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedIn();
        if (!messaging.reply(me, id, form, result)) {
            response.setStatus(statusOf(result));
            model.addAttribute("reported", false);
            return conversationPage(model, me, id, null, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/messages/" + id + "#latest";
    }

    @PostMapping("/messages/{id}/block")
    String blockInConversation(@PathVariable long id) {
        messaging.blockInConversation(signedIn(), id, true);
        return "redirect:/messages/" + id;
    }

    @PostMapping("/messages/{id}/unblock")
    String unblockInConversation(@PathVariable long id) {
        messaging.blockInConversation(signedIn(), id, false);
        return "redirect:/messages/" + id;
    }

    @GetMapping("/messages/{id}/report")
    String reportForm(@PathVariable long id, Model model) {
        AccountId me = signedIn();
        messaging.requireParticipant(me, id);
        return reportPage(model, id, ReportForm.blank(), FormErrors.none());
    }

    @PostMapping("/messages/{id}/report")
    String report(
            @PathVariable long id,
            @ModelAttribute("form") ReportForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        if (!messaging.report(signedIn(), id, form, result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return reportPage(model, id, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/messages/" + id + "?reported";
    }

    @GetMapping("/messages/settings")
    String settings(@RequestParam(name = "saved", required = false) String saved, Model model) {
        return settingsPage(model, signedIn(), saved != null, new BlockForm(""), FormErrors.none());
    }

    @PostMapping("/messages/settings")
    String saveSettings(@RequestParam(name = "accepts", defaultValue = "false") boolean accepts) {
        messaging.setAccepts(signedIn(), accepts);
        return "redirect:/messages/settings?saved";
    }

    @PostMapping("/messages/block")
    String block(
            @ModelAttribute("form") BlockForm form,
            BindingResult result,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedIn();
        if (!messaging.block(me, form.name(), result)) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return settingsPage(model, me, false, form, FormErrors.of(result, messages, locale));
        }
        return "redirect:/messages/settings?saved";
    }

    @PostMapping("/messages/unblock")
    String unblock(@RequestParam("account") long account) {
        messaging.unblock(signedIn(), account);
        return "redirect:/messages/settings?saved";
    }

    @GetMapping({"/messages/block", "/messages/unblock", "/messages/{id}/block", "/messages/{id}/unblock"})
    String backToSettings() {
        return "redirect:/messages/settings";
    }

    private String newPage(Model model, AccountId me, MessageForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("accepts", messaging.accepts(me));
        model.addAttribute("maxLength", MessagingManagement.MAX_LENGTH);
        return "messaging/new";
    }

    private String conversationPage(
            Model model, AccountId me, long id, Long before, MessageForm form, FormErrors errors) {
        model.addAttribute("conversation", messaging.read(me, id, before));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("maxLength", MessagingManagement.MAX_LENGTH);
        return "messaging/conversation";
    }

    private String reportPage(Model model, long id, ReportForm form, FormErrors errors) {
        model.addAttribute("conversationId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", List.of(ReportReason.values()));
        return "messaging/report";
    }

    private String settingsPage(Model model, AccountId me, boolean saved, BlockForm form, FormErrors errors) {
        model.addAttribute("accepts", messaging.accepts(me));
        model.addAttribute("blocked", messaging.blocked(me));
        model.addAttribute("saved", saved);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "messaging/settings";
    }

    private static int statusOf(BindingResult result) {
        boolean limited =
                result.getAllErrors().stream().anyMatch(e -> MessagingManagement.RATE_LIMITED.contains(e.getCode()));
        return limited ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.UNPROCESSABLE_CONTENT.value();
    }

    private AccountId signedIn() {
        return accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in to see messages"));
    }
}
