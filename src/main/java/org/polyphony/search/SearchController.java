package org.polyphony.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.DialogueSearch;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** The search page: a plain GET form, so results can be bookmarked, shared and paged without JavaScript. */
@Controller
class SearchController {

    private final DialogueSearch dialogue;
    private final ForumManagement forums;
    private final AccountDirectory accounts;
    private final MessageSource messages;

    SearchController(
            DialogueSearch dialogue, ForumManagement forums, AccountDirectory accounts, MessageSource messages) {
        this.dialogue = dialogue;
        this.forums = forums;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/search")
    String search(@ModelAttribute("form") SearchForm form, BindingResult result, Model model, Locale locale) {
        List<Edition> editions = forums.editions(false);
        Optional<Edition> edition =
                editions.stream().filter(e -> e.slug().equals(form.edition())).findFirst();
        List<Long> sessions = sessionsOf(editions, edition, form.session());
        Optional<AccountId> author = blank(form.author()) ? Optional.empty() : accounts.withDisplayName(form.author());
        if (!blank(form.author()) && author.isEmpty()) {
            result.rejectValue("author", "search.author.unknown");
        }
        Optional<LocalDate> from = SearchForm.date(form.from());
        Optional<LocalDate> to = SearchForm.date(form.to());
        if (from == null) {
            result.rejectValue("from", "typeMismatch.from");
        }
        if (to == null) {
            result.rejectValue("to", "typeMismatch.to");
        }
        boolean searched = !blank(form.q()) && !result.hasErrors();
        DialogueSearch.Results results = searched
                ? dialogue.search(new DialogueSearch.Query(
                        form.q(),
                        sessions,
                        author.map(AccountId::value).orElse(null),
                        from.orElse(null),
                        to.orElse(null),
                        form.pageOrFirst(),
                        readerLanguage(locale)))
                : new DialogueSearch.Results(List.of(), false);
        model.addAttribute("editions", editions);
        model.addAttribute("results", results);
        model.addAttribute("searched", searched);
        model.addAttribute("errors", FormErrors.of(result, messages, locale));
        model.addAttribute("nextPage", results.more() ? pageLink(form, form.pageOrFirst() + 1) : null);
        model.addAttribute("previousPage", form.pageOrFirst() > 1 ? pageLink(form, form.pageOrFirst() - 1) : null);
        return "search/search";
    }

    /** Searches are in the reader's first reading language, else the interface language. */
    private String readerLanguage(Locale locale) {
        return accounts.signedIn()
                .map(accounts::readingLanguages)
                .filter(languages -> !languages.isEmpty())
                .map(List::getFirst)
                .orElse(locale.getLanguage());
    }

    /** The sessions to search in: those of every public edition, of one edition, or one session of it. */
    private static List<Long> sessionsOf(List<Edition> editions, Optional<Edition> edition, String code) {
        if (edition.isEmpty()) {
            return editions.stream()
                    .flatMap(e -> e.roundtables().stream())
                    .flatMap(r -> r.sessions().stream())
                    .map(s -> s.id().value())
                    .toList();
        }
        return edition.get().roundtables().stream()
                .flatMap(r -> r.sessions().stream())
                .filter(s -> blank(code) || s.code().equals(code))
                .map(s -> s.id().value())
                .toList();
    }

    private static String pageLink(SearchForm form, int page) {
        return UriComponentsBuilder.fromPath("/search")
                .queryParam("q", form.q())
                .queryParamIfPresent(
                        "edition", Optional.ofNullable(form.edition()).filter(v -> !v.isBlank()))
                .queryParamIfPresent(
                        "session", Optional.ofNullable(form.session()).filter(v -> !v.isBlank()))
                .queryParamIfPresent(
                        "author", Optional.ofNullable(form.author()).filter(v -> !v.isBlank()))
                .queryParamIfPresent("from", Optional.ofNullable(form.from()).filter(v -> !v.isBlank()))
                .queryParamIfPresent("to", Optional.ofNullable(form.to()).filter(v -> !v.isBlank()))
                .queryParam("page", page)
                .encode()
                .build()
                .toUriString();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
