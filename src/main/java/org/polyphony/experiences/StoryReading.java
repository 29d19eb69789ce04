package org.polyphony.experiences;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.experiences.StoryStore.StoredStory;
import org.polyphony.forums.Edition;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.polyphony.web.MarkdownRenderer;
import org.springframework.stereotype.Component;

/**
 * Stories as a reader meets them: in the reader's languages where a translation is ready, Markdown rendered, the
 * author's display name only for stories published with it, the sessions they speak to.
 */
@Component
class StoryReading {

    private final Translations translations;
    private final AccountDirectory accounts;
    private final MarkdownRenderer markdown;

    StoryReading(Translations translations, AccountDirectory accounts, MarkdownRenderer markdown) {
        this.translations = translations;
        this.accounts = accounts;
        this.markdown = markdown;
    }

    List<String> readerLanguages(Locale locale) {
        return accounts.readerLanguages(locale);
    }

    /** What a view is for: it decides what is fetched, translated and rendered. */
    enum Use {
        /** A list shows titles and facts: the texts are neither translated nor rendered. */
        LIST(false, true, true),
        PAGE(true, true, true),
        /** API clients get what exists, asking for no translation. */
        API(true, true, false),
        /** The moderators' queue: the story as written, and never its author, not even loaded. */
        MODERATION(true, false, false);

        final boolean text;
        final boolean authors;
        final boolean askForTranslations;

        Use(boolean text, boolean authors, boolean askForTranslations) {
            this.text = text;
            this.authors = authors;
            this.askForTranslations = askForTranslations;
        }
    }

    List<StoryView> views(List<StoredStory> stories, Edition edition, List<String> languages, Use use) {
        boolean ask = use.askForTranslations;
        List<Long> ids = stories.stream()
                .filter(s -> s.status() == StoryStatus.PUBLISHED)
                .map(s -> s.id().value())
                .toList();
        Map<TextRef, Shown> titles =
                languages.isEmpty() ? Map.of() : translations.shown(ExperiencesManagement.TITLE, ids, languages, ask);
        Map<TextRef, Shown> bodies = languages.isEmpty() || !use.text
                ? Map.of()
                : translations.shown(ExperiencesManagement.BODY, ids, languages, ask);
        Map<AccountId, String> names = use.authors
                ? accounts.displayNames(stories.stream()
                        .filter(s -> !s.anonymous() && s.authorAccount() != null)
                        .map(s -> new AccountId(s.authorAccount()))
                        .distinct()
                        .toList())
                : Map.of();
        Map<Long, StoryView.SessionLink> sessions = new HashMap<>();
        for (Edition.Roundtable roundtable : edition.roundtables()) {
            for (Edition.ForumSession session : roundtable.sessions()) {
                sessions.put(
                        session.id().value(),
                        new StoryView.SessionLink(
                                session.code(),
                                session.title()
                                        .in(Locale.of(languages.isEmpty() ? "en" : languages.getFirst()))
                                        .text()));
            }
        }
        return stories.stream()
                .map(s -> view(s, titles, bodies, names, sessions, use.text))
                .toList();
    }

    private StoryView view(
            StoredStory s,
            Map<TextRef, Shown> titles,
            Map<TextRef, Shown> bodies,
            Map<AccountId, String> names,
            Map<Long, StoryView.SessionLink> sessions,
            boolean withText) {
        Shown title = titles.get(new TextRef(ExperiencesManagement.TITLE, s.id().value()));
        Shown body = bodies.get(new TextRef(ExperiencesManagement.BODY, s.id().value()));
        boolean titleTranslated = title != null && title.translated();
        boolean bodyTranslated = body != null && body.translated();
        String originalHtml = withText ? markdown.render(s.body()) : "";
        Shown label = bodyTranslated ? body : titleTranslated ? title : null;
        return new StoryView(
                s.id().value(),
                titleTranslated ? title.text() : s.title(),
                bodyTranslated ? markdown.render(body.text()) : originalHtml,
                label == null ? s.language() : label.language(),
                s.language(),
                titleTranslated ? s.title() : null,
                bodyTranslated ? originalHtml : null,
                label == null || label.state() == Shown.State.REVIEWED ? null : label.providerLabel(),
                s.anonymous() || s.authorAccount() == null ? null : names.get(new AccountId(s.authorAccount())),
                s.facts(),
                s.status(),
                s.publishedOn(),
                s.sessions().stream()
                        .map(sessions::get)
                        .filter(java.util.Objects::nonNull)
                        .toList(),
                s.demo());
    }
}
