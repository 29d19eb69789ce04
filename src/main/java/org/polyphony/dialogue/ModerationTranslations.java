package org.polyphony.dialogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.ModerationViews.QueueItem;
import org.polyphony.translation.PersonTranslations;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.polyphony.web.MarkdownRenderer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A moderator who does not read a post's language sees that it needs a translation before they can decide, the
 * translation once there is one (a machine's for published posts, a person's for any), and can ask volunteers for
 * one. A post waiting for approval is handed to people only: no provider sees it before a moderator approves it.
 */
@Component
public class ModerationTranslations {

    /** What the moderation queue shows about one post's language. */
    public record Need(
            String language, boolean requested, String translatedHtml, String translatedLang, boolean byPerson) {

        public boolean translated() {
            return translatedHtml != null;
        }
    }

    private final DialogueRepository posts;
    private final Translations translations;
    private final PersonTranslations people;
    private final ContributionLanguages languages;
    private final AccountDirectory accounts;
    private final MarkdownRenderer markdown;

    ModerationTranslations(
            DialogueRepository posts,
            Translations translations,
            PersonTranslations people,
            ContributionLanguages languages,
            AccountDirectory accounts,
            MarkdownRenderer markdown) {
        this.posts = posts;
        this.translations = translations;
        this.people = people;
        this.languages = languages;
        this.accounts = accounts;
        this.markdown = markdown;
    }

    /** The language the moderator reads first, which translations are asked into. */
    String moderatorLanguage(AccountId moderator, java.util.Locale locale) {
        List<String> reads = accounts.readingLanguages(moderator);
        return reads.isEmpty() ? locale.getLanguage() : reads.getFirst();
    }

    /** For each post in a language the moderator does not read: what there is of a translation. */
    Map<Long, Need> needs(List<QueueItem> items, AccountId moderator, java.util.Locale locale) {
        List<String> reads = accounts.readingLanguages(moderator);
        List<String> moderatorLanguages = reads.isEmpty() ? List.of(locale.getLanguage()) : reads;
        Map<Long, String> postLanguages = new HashMap<>();
        for (QueueItem item : items) {
            posts.post(new PostId(item.postId()))
                    .map(DialogueRepository.PostRow::language)
                    .filter(language -> language != null && !"und".equals(language))
                    .filter(language -> !moderatorLanguages.contains(language))
                    .ifPresent(language -> postLanguages.put(item.postId(), language));
        }
        if (postLanguages.isEmpty()) {
            return Map.of();
        }
        Map<TextRef, Shown> shown =
                translations.shown(ContributionLanguages.POST, postLanguages.keySet(), moderatorLanguages, false);
        var requested = people.requested(ContributionLanguages.POST, postLanguages.keySet());
        Map<Long, Need> needs = new HashMap<>();
        postLanguages.forEach((id, language) -> {
            Shown one = shown.get(new TextRef(ContributionLanguages.POST, id));
            boolean translated = one != null && one.translated();
            needs.put(
                    id,
                    new Need(
                            language,
                            requested.contains(id),
                            translated ? markdown.render(one.text()) : null,
                            translated ? one.language() : null,
                            translated && one.state() == Shown.State.REVIEWED));
        });
        return needs;
    }

    /** A moderator asks volunteers for a translation of a post into their language. */
    @Transactional
    void ask(PostId id, AccountId moderator, String target) {
        DialogueRepository.PostRow post = posts.post(id).orElseThrow(DialogueManagement.NotFound::new);
        if (post.deletedAt() != null
                || post.language() == null
                || post.language().equals(target)) {
            return;
        }
        long sessionId =
                posts.thread(new ThreadId(post.threadId())).orElseThrow().sessionId();
        if (post.awaiting()) {
            languages.postHeldForPeople(post.id(), sessionId, post.body(), post.language());
        }
        people.ask(new TextRef(ContributionLanguages.POST, post.id()), target, moderator);
    }

    /** Posts waiting for approval that a moderator asked people to translate: volunteers may, at the queue. */
    boolean askedWhileAwaiting(DialogueRepository.PostRow post) {
        return post.awaiting()
                && post.deletedAt() == null
                && post.hiddenAt() == null
                && people.requested(ContributionLanguages.POST, List.of(post.id()))
                        .contains(post.id());
    }
}
