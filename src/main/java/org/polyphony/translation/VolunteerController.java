package org.polyphony.translation;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.ActionLimits;
import org.polyphony.accounts.PostingAllowance;
import org.polyphony.forums.ForumManagement;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.web.FormErrors;
import org.polyphony.web.MarkdownRenderer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Volunteer translation pages: choosing pairs, the queue of what waits, the plain form that translates, improves or
 * confirms a text, and readers' flags of poor machine
 * translations, and the thanks page.
 */
@Controller
class VolunteerController {

    private static final int QUEUE_SIZE = 50;

    private final Volunteers volunteers;
    private final VolunteerQueue queue;
    private final PersonTranslations people;
    private final TranslationFlags flags;
    private final TranslatableTextOwners owners;
    private final AccountDirectory accounts;
    private final PostingAllowance allowance;
    private final ActionLimits limits;
    private final MarkdownRenderer markdown;
    private final MessageSource messages;
    private final ForumManagement forums;

    VolunteerController(
            Volunteers volunteers,
            VolunteerQueue queue,
            PersonTranslations people,
            TranslationFlags flags,
            TranslatableTextOwners owners,
            AccountDirectory accounts,
            PostingAllowance allowance,
            ActionLimits limits,
            MarkdownRenderer markdown,
            MessageSource messages,
            ForumManagement forums) {
        this.forums = forums;
        this.volunteers = volunteers;
        this.queue = queue;
        this.people = people;
        this.flags = flags;
        this.owners = owners;
        this.accounts = accounts;
        this.allowance = allowance;
        this.limits = limits;
        this.markdown = markdown;
        this.messages = messages;
    }

    @GetMapping("/translation/volunteer")
    String choicesPage(Model model, @RequestParam(name = "saved", required = false) String saved) {
        AccountId me = signedIn();
        model.addAttribute("possible", volunteers.possiblePairs(me));
        model.addAttribute("choices", volunteers.choices(me));
        model.addAttribute("contributions", volunteers.contributions(me));
        model.addAttribute(
                "waiting",
                queue.waiting(volunteers.choices(me).pairs(), QUEUE_SIZE).size());
        model.addAttribute("saved", saved != null);
        model.addAttribute("errors", FormErrors.none());
        return "translation/volunteer";
    }

    @PostMapping("/translation/volunteer")
    String choose(
            @RequestParam(name = "pair", required = false) List<String> pairs,
            @RequestParam(name = "thankedByName", defaultValue = "false") boolean thankedByName,
            @RequestParam(name = "notify", defaultValue = "false") boolean notify,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedIn();
        List<LanguagePair> possible = volunteers.possiblePairs(me);
        List<LanguagePair> chosen = new ArrayList<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            Optional<LanguagePair> parsed = possible.stream()
                    .filter(p -> (p.source() + "-" + p.target()).equals(pair))
                    .findFirst();
            if (parsed.isEmpty()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                model.addAttribute("possible", possible);
                model.addAttribute("choices", new Volunteers.Choices(chosen, thankedByName, notify));
                model.addAttribute("contributions", volunteers.contributions(me));
                model.addAttribute("waiting", 0);
                model.addAttribute("saved", false);
                model.addAttribute(
                        "errors",
                        FormErrors.field(
                                "pair", messages.getMessage("volunteers.choices.notYourLanguages", null, locale)));
                return "translation/volunteer";
            }
            chosen.add(parsed.get());
        }
        volunteers.choose(me, chosen, thankedByName, notify);
        return "redirect:/translation/volunteer?saved";
    }

    /**
     * The queue, narrowed by plain GET parameters (a form that works without JavaScript): {@code pair} (one of the
     * volunteer's, "en-ar"), {@code kind} ("post", "session-background"…), {@code edition} (its slug). A value that
     * is not one of the choices offered is left out, and the page says so, rather than guessed at.
     */
    @GetMapping("/translation/queue")
    String queuePage(
            @RequestParam(name = "pair", required = false) String pair,
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "edition", required = false) String edition,
            Model model) {
        AccountId me = signedIn();
        Volunteers.Choices choices = volunteers.choices(me);
        QueueFilters filters = QueueFilters.of(pair, kind, edition, choices.pairs(), owners, forums.editions(false));
        model.addAttribute("choices", choices);
        model.addAttribute("filters", filters);
        model.addAttribute("items", queue.waiting(filters.pairs(), filters.filter(), QUEUE_SIZE));
        return "translation/queue";
    }

    @GetMapping("/translation/texts/{kind}/{id}/{target}")
    String form(
            @PathVariable String kind,
            @PathVariable long id,
            @PathVariable String target,
            @RequestParam(name = "done", required = false) String done,
            Model model) {
        AccountId me = signedIn();
        TextRef ref = new TextRef(kind, id);
        PersonTranslations.Current current = known(ref, target);
        String address = owners.address(ref).orElseThrow(NotFound::new);
        String prefill = current.personText() != null && current.personTextCurrent() ? current.personText() : "";
        return formPage(model, current, address, prefill, me, FormErrors.none(), done);
    }

    @PostMapping("/translation/texts/{kind}/{id}/{target}")
    String translate(
            @PathVariable String kind,
            @PathVariable long id,
            @PathVariable String target,
            @RequestParam(name = "text", defaultValue = "") String text,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedInAndAllowed();
        TextRef ref = new TextRef(kind, id);
        PersonTranslations.Current current = known(ref, target);
        Optional<String> problem = people.translate(ref, target, text, me);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return formPage(
                    model,
                    current,
                    owners.address(ref).orElse(null),
                    text,
                    me,
                    FormErrors.field(
                            "text",
                            messages.getMessage(problem.get(), new Object[] {PersonTranslations.MAX_GROWTH}, locale)),
                    null);
        }
        return "redirect:/translation/texts/" + kind + "/" + id + "/" + target + "?done=translated";
    }

    @PostMapping("/translation/texts/{kind}/{id}/{target}/confirm")
    String confirm(
            @PathVariable String kind,
            @PathVariable long id,
            @PathVariable String target,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId me = signedInAndAllowed();
        TextRef ref = new TextRef(kind, id);
        PersonTranslations.Current current = known(ref, target);
        Optional<String> problem = people.confirm(ref, target, me);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            String prefill = current.personTextCurrent() && current.personText() != null ? current.personText() : "";
            return formPage(
                    model,
                    current,
                    owners.address(ref).orElse(null),
                    prefill,
                    me,
                    FormErrors.field("confirm", messages.getMessage(problem.get(), null, locale)),
                    null);
        }
        return "redirect:/translation/texts/" + kind + "/" + id + "/" + target + "?done=confirmed";
    }

    /** A reader flags the machine translation they were shown; back to the text, with thanks. */
    @PostMapping("/translation/flags/{kind}/{id}/{target}")
    String flag(@PathVariable String kind, @PathVariable long id, @PathVariable String target) {
        AccountId me = signedInAndAllowed();
        TextRef ref = new TextRef(kind, id);
        known(ref, target);
        String address = owners.address(ref).orElseThrow(NotFound::new);
        if (!limits.by("translation-flag", String.valueOf(me.value()), 60, Duration.ofHours(1))) {
            throw new TooMany();
        }
        flags.flag(ref, target, me);
        return "redirect:" + withNotice(address, "translationFlagged");
    }

    @GetMapping("/translation/volunteers")
    String thanks(Model model) {
        model.addAttribute("thanked", volunteers.thanked());
        return "translation/thanks";
    }

    private PersonTranslations.Current known(TextRef ref, String target) {
        if (!ReadingLanguages.isKnown(target)) {
            throw new NotFound();
        }
        return people.current(ref, target).orElseThrow(NotFound::new);
    }

    private String formPage(
            Model model,
            PersonTranslations.Current current,
            String address,
            String text,
            AccountId me,
            FormErrors errors,
            String done) {
        Volunteers.Choices choices = volunteers.choices(me);
        boolean mine = current.translatorId() != null && current.translatorId() == me.value();
        model.addAttribute("ref", current.ref());
        model.addAttribute("kindLabel", owners.kindLabel(current.ref().kind()));
        model.addAttribute("originalLang", current.language());
        model.addAttribute("originalHtml", markdown.render(current.original()));
        model.addAttribute("target", current.target());
        model.addAttribute("address", address);
        model.addAttribute("declared", choices.declared(current.language(), current.target()));
        model.addAttribute(
                "personHtml",
                current.personText() != null && current.personTextCurrent()
                        ? markdown.render(current.personText())
                        : null);
        model.addAttribute("outdated", current.personText() != null && !current.personTextCurrent());
        model.addAttribute("mayConfirm", current.personTextCurrent() && current.personText() != null && !mine);
        model.addAttribute("confirmations", current.confirmations());
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        model.addAttribute("done", done == null ? "" : done);
        return "translation/translate";
    }

    private static String withNotice(String address, String notice) {
        int hash = address.indexOf('#');
        String path = hash < 0 ? address : address.substring(0, hash);
        String fragment = hash < 0 ? "" : address.substring(hash);
        return path + (path.contains("?") ? "&" : "?") + notice + fragment;
    }

    private AccountId signedIn() {
        return accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in to translate"));
    }

    private AccountId signedInAndAllowed() {
        AccountId me = signedIn();
        if (allowance.mayWrite(me) == PostingAllowance.Verdict.SUSPENDED) {
            throw new AccessDeniedException("suspended accounts do not translate");
        }
        return me;
    }

    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {}

    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    static final class TooMany extends RuntimeException {}
}
