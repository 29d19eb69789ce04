package org.polyphony.people;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The directory of organisations and people, and the personal feed. */
@Controller
class DirectoryController {

    private final Directory directory;
    private final Organisations organisations;
    private final Feed feed;
    private final AccountDirectory accounts;

    DirectoryController(Directory directory, Organisations organisations, Feed feed, AccountDirectory accounts) {
        this.directory = directory;
        this.organisations = organisations;
        this.feed = feed;
        this.accounts = accounts;
    }

    @GetMapping("/people/directory")
    String directory(
            @RequestParam(name = "kind", required = false) String kind,
            @RequestParam(name = "type", required = false) String type,
            @RequestParam(name = "region", required = false) String region,
            @RequestParam(name = "country", required = false) String country,
            @RequestParam(name = "theme", required = false) String theme,
            @RequestParam(name = "language", required = false) String language,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "page", required = false) Integer page,
            Model model,
            Locale locale) {
        DirectoryQuery query = DirectoryQuery.of(kind, type, region, country, theme, language, q, page);
        model.addAttribute("query", query);
        if (query.people()) {
            Directory.Found<ProfileView> found = directory.people(query);
            model.addAttribute("people", found.rows());
            model.addAttribute("organisations", java.util.List.of());
            model.addAttribute("more", found.more());
        } else {
            Directory.Found<Organisations.OrganisationRow> found = directory.organisations(query, locale.getLanguage());
            model.addAttribute("people", java.util.List.of());
            model.addAttribute(
                    "organisations", organisations.views(found.rows(), accounts.readerLanguages(locale), false));
            model.addAttribute("more", found.more());
        }
        model.addAttribute("signedIn", accounts.signedIn().isPresent());
        return "people/directory";
    }

    @GetMapping("/feed")
    String feed(@RequestParam(name = "before", required = false) String before, Model model, Locale locale) {
        AccountId me = accounts.signedIn().orElseThrow(() -> new AccessDeniedException("sign in first"));
        Instant until;
        try {
            until = before == null ? Instant.now() : Instant.parse(before);
        } catch (DateTimeParseException malformed) {
            until = Instant.now();
        }
        model.addAttribute("feed", feed.of(me, until, accounts.readerLanguages(locale)));
        return "people/feed";
    }
}
