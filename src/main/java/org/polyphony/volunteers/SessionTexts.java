package org.polyphony.volunteers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.forums.Edition;
import org.polyphony.forums.ForumManagement;
import org.polyphony.forums.ForumPageContributions;
import org.polyphony.forums.ForumSessionId;
import org.polyphony.languages.LocalizedText;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.TranslatableTexts;
import org.polyphony.translation.Translations;
import org.polyphony.web.Page;
import org.springframework.stereotype.Component;

/**
 * Organisers' texts translated like posts: a session's background and its main issues are handed to translation
 * (a provider where one reaches the reader's language, else volunteers), and the session page shows the translation
 * where the organisers wrote no version in a language the reader reads. A version the organisers wrote (through the
 * session form) always wins, and a language they wrote is never asked of volunteers.
 *
 * <p>A session's texts are registered when they are saved (the organisers' forms, an agenda import, the demo agenda)
 * and checked once at start; see {@link OrganiserTextsRegistration}.
 */
@Component
class SessionTexts implements TranslatableTexts, ForumPageContributions {

    static final String BACKGROUND = "session-background";
    static final String ISSUES = "session-issues";

    private final ForumManagement forums;
    private final Translations translations;
    private final AccountDirectory accounts;

    SessionTexts(ForumManagement forums, Translations translations, AccountDirectory accounts) {
        this.forums = forums;
        this.translations = translations;
        this.accounts = accounts;
    }

    // ---- what translation needs to know

    @Override
    public Collection<String> kinds() {
        return List.of(BACKGROUND, ISSUES);
    }

    @Override
    public Map<Long, String> translatable(String kind, Collection<Long> ids) {
        Map<Long, String> found = new LinkedHashMap<>();
        for (Edition edition : forums.editions(false)) {
            if (edition.archived()) {
                continue;
            }
            for (long id : ids) {
                edition.sessionById(new ForumSessionId(id))
                        .filter(session -> !text(kind, session).isEmpty())
                        .ifPresent(session -> found.put(id, address(edition, session)));
            }
        }
        return found;
    }

    @Override
    public boolean wanted(String kind, long id, String target) {
        // the organisers wrote this language themselves: nothing for volunteers to do
        for (Edition edition : forums.editions(false)) {
            Optional<Edition.ForumSession> session = edition.sessionById(new ForumSessionId(id));
            if (session.isPresent()) {
                return versions(kind, session.get()).stream().noneMatch(target::equals);
            }
        }
        return true;
    }

    @Override
    public String kindLabel(String kind) {
        return BACKGROUND.equals(kind) ? "volunteers.kind.sessionBackground" : "volunteers.kind.sessionIssues";
    }

    // ---- the session page

    @Override
    public Optional<Section> sessionSection(Edition edition, Edition.ForumSession session, Page page) {
        List<String> readerLanguages = readerLanguages(page);
        List<Item> items = new ArrayList<>();
        for (String kind : kinds()) {
            if (text(kind, session).isEmpty()
                    || versions(kind, session).stream().anyMatch(readerLanguages::contains)) {
                continue;
            }
            Shown shown = translations
                    .shown(kind, List.of(session.id().value()), readerLanguages)
                    .get(new TextRef(kind, session.id().value()));
            if (shown != null && shown.translated()) {
                items.add(item(kind, session, shown, page));
            }
        }
        return items.isEmpty()
                ? Optional.empty()
                : Optional.of(new Section(page.t("volunteers.session.heading"), items, Optional.empty()));
    }

    @Override
    public int order() {
        // right under the session's own texts, before what other modules list
        return -100;
    }

    private Item item(String kind, Edition.ForumSession session, Shown shown, Page page) {
        String what = page.t(BACKGROUND.equals(kind) ? "session.background" : "session.mainIssues");
        String label = shown.state() == Shown.State.REVIEWED
                ? page.t("volunteers.label.byPerson", page.languageName(shown.originalLanguage()))
                : page.t(
                        "translation.label.machine",
                        page.languageName(shown.originalLanguage()),
                        shown.providerLabel());
        // the background by paragraphs; the main issues one line per question or point, as the list was written
        List<String> parts = BACKGROUND.equals(kind)
                ? page.paragraphs(shown.text())
                : shown.text()
                        .lines()
                        .map(line -> line.strip().replaceFirst("^- ", "– "))
                        .filter(line -> !line.isEmpty())
                        .toList();
        List<LocalizedText.Shown> lines = parts.stream()
                .map(part -> new LocalizedText.Shown(part, shown.language()))
                .toList();
        return new Item(
                new LocalizedText.Shown(what + " (" + page.languageName(shown.language()) + ")", page.lang()),
                "/translation/texts/" + kind + "/" + session.id().value() + "/" + shown.language(),
                label,
                lines);
    }

    private List<String> readerLanguages(Page page) {
        List<String> languages =
                accounts.signedIn().map(accounts::readingLanguages).orElse(List.of());
        return languages.isEmpty() ? List.of(page.lang()) : languages;
    }

    // ---- registering the texts

    /** Hands the session's background and main issues to translation where they changed; an empty one is forgotten. */
    void register(Edition edition, Edition.ForumSession session) {
        for (String kind : kinds()) {
            String text = text(kind, session);
            TextRef ref = new TextRef(kind, session.id().value());
            if (text.isEmpty()) {
                translations.forget(ref);
            } else {
                translations.registerIfChanged(
                        ref, text, originalLanguage(kind, session), edition.id().value());
            }
        }
    }

    /** What {@link #register} would hand over, to tell whether anything changed since. */
    static String fingerprint(Edition.ForumSession session) {
        return originalLanguage(BACKGROUND, session) + "\u0000" + text(BACKGROUND, session) + "\u0000"
                + originalLanguage(ISSUES, session) + "\u0000" + text(ISSUES, session);
    }

    private static String address(Edition edition, Edition.ForumSession session) {
        return "/editions/" + edition.slug() + "/sessions/" + session.code();
    }

    /** The original of a session text: the background, or the main issues as a Markdown list. */
    static String text(String kind, Edition.ForumSession session) {
        if (BACKGROUND.equals(kind)) {
            LocalizedText background = session.background();
            return background.exactly(background.originalLanguage()).orElse("");
        }
        StringBuilder issues = new StringBuilder();
        int number = 1;
        for (Edition.Prompt prompt : session.prompts()) {
            issues.append(number++)
                    .append(". ")
                    .append(original(prompt.question()))
                    .append('\n');
            for (LocalizedText point : prompt.points()) {
                issues.append("   - ").append(original(point)).append('\n');
            }
        }
        return issues.toString().strip();
    }

    private static String original(LocalizedText text) {
        return text.exactly(text.originalLanguage()).orElse("");
    }

    private static String originalLanguage(String kind, Edition.ForumSession session) {
        return BACKGROUND.equals(kind)
                ? session.background().originalLanguage()
                : session.prompts().isEmpty()
                        ? "en"
                        : session.prompts().getFirst().question().originalLanguage();
    }

    /** The languages the organisers wrote a text in (for main issues: those every question has). */
    private static List<String> versions(String kind, Edition.ForumSession session) {
        if (BACKGROUND.equals(kind)) {
            return List.copyOf(session.background().versions().keySet());
        }
        if (session.prompts().isEmpty()) {
            return List.of();
        }
        List<String> common = new ArrayList<>(
                session.prompts().getFirst().question().versions().keySet());
        session.prompts().forEach(p -> common.retainAll(p.question().versions().keySet()));
        return common;
    }
}
