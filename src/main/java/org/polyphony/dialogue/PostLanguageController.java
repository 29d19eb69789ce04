package org.polyphony.dialogue;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.DialogueManagement.NotFound;
import org.polyphony.dialogue.DialogueManagement.PostRef;
import org.polyphony.dialogue.DialogueRepository.PostRow;
import org.polyphony.languages.ReadingLanguages;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
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
 * The languages of a post: its author corrects the detected language, a reader asks for the original, and people
 * who read both languages correct its machine translation.
 */
@Controller
class PostLanguageController {

    private static final int MAX_TRANSLATION = 20_000;

    private final DialogueManagement dialogue;
    private final AccountDirectory accounts;
    private final Translations translations;
    private final org.springframework.context.MessageSource messages;
    private final org.polyphony.accounts.PostingAllowance allowance;

    PostLanguageController(
            DialogueManagement dialogue,
            AccountDirectory accounts,
            Translations translations,
            org.springframework.context.MessageSource messages,
            org.polyphony.accounts.PostingAllowance allowance) {
        this.allowance = allowance;
        this.messages = messages;
        this.dialogue = dialogue;
        this.accounts = accounts;
        this.translations = translations;
    }

    /** "Show original": the thread page at the post, with that post as written. */
    @GetMapping("/posts/{id}/original")
    String original(@PathVariable long id) {
        PostRef ref = dialogue.find(new PostId(id)).orElseThrow(NotFound::new);
        return "redirect:" + ref.url("original=" + id);
    }

    @GetMapping("/posts/{id}/language")
    String languageForm(@PathVariable long id, Model model, Locale locale) {
        String language = dialogue.languageOf(new PostId(id), signedIn());
        return languagePage(model, id, language, locale, FormErrors.none());
    }

    @PostMapping("/posts/{id}/language")
    String chooseLanguage(
            @PathVariable long id,
            @RequestParam(name = "language", defaultValue = "") String language,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        AccountId author = signedIn();
        if (!ReadingLanguages.isKnown(language)) {
            dialogue.languageOf(new PostId(id), author);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return languagePage(
                    model,
                    id,
                    language,
                    locale,
                    FormErrors.field("language", messages.getMessage("translation.language.invalid", null, locale)));
        }
        return "redirect:"
                + dialogue.chooseLanguage(new PostId(id), author, language).url();
    }

    private String languagePage(Model model, long id, String language, Locale locale, FormErrors errors) {
        model.addAttribute("postId", id);
        model.addAttribute("language", language);
        model.addAttribute("languages", ReadingLanguages.named(locale));
        model.addAttribute("errors", errors);
        return "dialogue/language";
    }

    @GetMapping("/posts/{id}/translations/{target}")
    String reviewForm(@PathVariable long id, @PathVariable String target, Model model) {
        PostRow post = reviewable(id, target);
        Shown current = translations
                .shown(ContributionLanguages.POST, List.of(id), List.of(target))
                .get(new TextRef(ContributionLanguages.POST, id));
        String text = current != null && current.translated() ? current.text() : "";
        return reviewPage(model, post, target, text, FormErrors.none());
    }

    @PostMapping("/posts/{id}/translations/{target}")
    String review(
            @PathVariable long id,
            @PathVariable String target,
            @RequestParam(name = "text", defaultValue = "") String text,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        PostRow post = reviewable(id, target);
        String problem = text.isBlank()
                ? "translation.review.empty"
                : text.length() > MAX_TRANSLATION ? "translation.review.tooLong" : null;
        if (problem != null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return reviewPage(
                    model, post, target, text, FormErrors.field("text", messages.getMessage(problem, null, locale)));
        }
        translations.review(
                new TextRef(ContributionLanguages.POST, id),
                target,
                text.strip(),
                signedIn().value());
        return "redirect:" + PostRef.of(post).url();
    }

    /** Only people who said they read both languages correct a translation between them. */
    private PostRow reviewable(long id, String target) {
        AccountId reviewer = signedIn();
        if (allowance.mayWrite(reviewer) == org.polyphony.accounts.PostingAllowance.Verdict.SUSPENDED) {
            throw new AccessDeniedException("suspended accounts do not correct translations");
        }
        PostRow post = dialogue.readable(new PostId(id)).orElseThrow(NotFound::new);
        List<String> reads = accounts.readingLanguages(reviewer);
        if (!ReadingLanguages.isKnown(target) || target.equals(post.language())) {
            throw new NotFound();
        }
        if (!reads.contains(target) || !reads.contains(post.language())) {
            throw new AccessDeniedException("translation.review.notBilingual");
        }
        return post;
    }

    private String reviewPage(Model model, PostRow post, String target, String text, FormErrors errors) {
        model.addAttribute("postId", post.id());
        model.addAttribute("originalLang", post.language());
        model.addAttribute("originalHtml", post.html());
        model.addAttribute("target", target);
        model.addAttribute("text", text);
        model.addAttribute("errors", errors);
        return "dialogue/review-translation";
    }

    private AccountId signedIn() {
        return accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in to take part"));
    }
}
