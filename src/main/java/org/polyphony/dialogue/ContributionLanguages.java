package org.polyphony.dialogue;

import java.util.List;
import java.util.regex.Pattern;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.forums.ForumManagement;
import org.polyphony.forums.ForumSessionId;
import org.polyphony.translation.DetectedLanguage;
import org.polyphony.translation.LanguageDetection;
import org.polyphony.translation.LanguagePriors;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.stereotype.Component;

/**
 * The language of each post and thread title: detected when written (the author can correct it), used to search the
 * text with the right stemmer, and handed to translation with the glossary of the session's forum edition.
 */
@Component
class ContributionLanguages {

    static final String POST = "post";
    static final String TITLE = "thread-title";
    // quoted lines are someone else's words, often in another language; addresses are in none
    private static final Pattern QUOTED_LINE = Pattern.compile("(?m)^\\s*>.*$");
    // the author's last posts whose languages count as their habit
    private static final int HISTORY = 20;
    private static final Pattern ADDRESS = Pattern.compile("\\bhttps?://\\S+");

    private final LanguageDetection detection;
    private final Translations translations;
    private final AccountDirectory accounts;
    private final DialogueRepository dialogue;
    private final ForumManagement forums;

    ContributionLanguages(
            LanguageDetection detection,
            Translations translations,
            AccountDirectory accounts,
            DialogueRepository dialogue,
            ForumManagement forums) {
        this.detection = detection;
        this.translations = translations;
        this.accounts = accounts;
        this.dialogue = dialogue;
        this.forums = forums;
    }

    /**
     * What a new text needs before it is stored: its language and the glossary of its session's edition. Found
     * before the thread is locked, so that the post is inserted once, with its language.
     */
    record Written(String text, DetectedLanguage language, Long glossaryId) {}

    /** A new post: its thread's language and the author's habits help with a short text. */
    Written writtenPost(long sessionId, long threadId, String body, AccountId author) {
        LanguagePriors priors =
                priorsOf(author, 0).inThread(dialogue.threadLanguage(threadId).orElse(null));
        return new Written(body, detect(body, priors), glossaryOf(sessionId));
    }

    /**
     * A new thread's title, with the opening post written with it: a title of three words says little by itself,
     * the post beside it much more.
     */
    Written writtenTitle(long sessionId, String title, String openingPost, AccountId author) {
        LanguagePriors priors = priorsOf(author, 0);
        DetectedLanguage post = detect(openingPost, priors);
        DetectedLanguage shortTitle = detect(title, priors.inThread(post.tag()));
        // a title less sure of another language than its post is of its own is taken to be in the post's language
        DetectedLanguage language =
                !shortTitle.tag().equals(post.tag()) && shortTitle.confidence() < post.confidence() ? post : shortTitle;
        return new Written(title, language, glossaryOf(sessionId));
    }

    /**
     * Hands a new post to translation; in the transaction that stores it (the source may be written before the post:
     * it refers to the post by id only, and both are committed or neither).
     *
     * @param readable false for a post that waits for a moderator: it goes to translation (perhaps to another
     *     service) only once approved
     */
    void newPost(long postId, Written written, boolean readable) {
        if (readable) {
            translations.register(
                    new TextRef(POST, postId),
                    written.text(),
                    written.language().tag(),
                    written.glossaryId());
        }
    }

    /** As {@link #newPost}, for a new thread's title. */
    void newTitle(long threadId, Written written, boolean readable) {
        if (readable) {
            translations.register(
                    new TextRef(TITLE, threadId),
                    written.text(),
                    written.language().tag(),
                    written.glossaryId());
        }
    }

    /**
     * An edited post: its language is found again and written.
     *
     * @param readable false for a post that waits for a moderator: its language is found now, but it goes to
     *     translation only once approved
     */
    void postWritten(long postId, long threadId, long sessionId, String body, AccountId author, boolean readable) {
        LanguagePriors priors = priorsOf(author, postId)
                .inThread(dialogue.threadLanguage(threadId).orElse(null));
        DetectedLanguage language = detect(body, priors);
        dialogue.setPostLanguage(postId, language.tag(), language.confidence());
        if (readable) {
            translations.register(new TextRef(POST, postId), body, language.tag(), glossaryOf(sessionId));
        }
    }

    void postApproved(long postId, long sessionId, String body, String language) {
        translations.register(new TextRef(POST, postId), body, language, glossaryOf(sessionId));
    }

    void titleApproved(long threadId, long sessionId, String title, String language) {
        translations.register(new TextRef(TITLE, threadId), title, language, glossaryOf(sessionId));
    }

    /** The author says which language a post is in: that overrides detection. */
    void postLanguageChosen(long postId, long sessionId, String body, String language) {
        dialogue.setPostLanguage(
                postId, language, DetectedLanguage.chosen(language).confidence());
        translations.register(new TextRef(POST, postId), body, language, glossaryOf(sessionId));
    }

    /** A moderator asked people to translate a post that waits for approval: no provider sees it before that. */
    void postHeldForPeople(long postId, long sessionId, String body, String language) {
        translations.holdForPeople(new TextRef(POST, postId), body, language, glossaryOf(sessionId));
    }

    void postGone(long postId) {
        translations.forget(new TextRef(POST, postId));
    }

    private DetectedLanguage detect(String text, LanguagePriors priors) {
        String words =
                ADDRESS.matcher(QUOTED_LINE.matcher(text).replaceAll(" ")).replaceAll(" ");
        return detection.detect(words, priors);
    }

    /** The author's declared languages and those of their last posts (not counting the one being detected). */
    private LanguagePriors priorsOf(AccountId author, long exceptPost) {
        List<String> declared = accounts.readingLanguages(author);
        return LanguagePriors.declared(declared)
                .withHistory(dialogue.recentPostLanguages(author.value(), exceptPost, HISTORY));
    }

    private Long glossaryOf(long sessionId) {
        return forums.editionOfSession(new ForumSessionId(sessionId), true)
                .map(edition -> edition.id().value())
                .orElse(null);
    }
}
