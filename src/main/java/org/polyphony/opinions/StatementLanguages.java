package org.polyphony.opinions;

import java.util.List;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.forums.ForumManagement;
import org.polyphony.forums.ForumSessionId;
import org.polyphony.translation.DetectedLanguage;
import org.polyphony.translation.LanguageDetection;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.stereotype.Component;

/**
 * The language of each statement and question, detected when written, and its translation into readers' languages
 * like a post's, with the glossary of the session's forum edition: a statement written in Spanish can be voted on by
 * a reader of Portuguese.
 */
@Component
class StatementLanguages {

    static final String STATEMENT = "opinion-statement";
    static final String QUESTION = "opinion-question";

    private final LanguageDetection detection;
    private final Translations translations;
    private final AccountDirectory accounts;
    private final ForumManagement forums;

    StatementLanguages(
            LanguageDetection detection, Translations translations, AccountDirectory accounts, ForumManagement forums) {
        this.detection = detection;
        this.translations = translations;
        this.accounts = accounts;
        this.forums = forums;
    }

    DetectedLanguage detect(String text) {
        List<String> declared =
                accounts.signedIn().map(accounts::readingLanguages).orElse(List.of());
        return detection.detect(text, declared);
    }

    /** Hands a readable text to translation; call it in the transaction that saved the text. */
    void readable(String kind, long id, String text, String language, long sessionId) {
        translations.register(new TextRef(kind, id), text, language, glossaryOf(sessionId));
    }

    void gone(String kind, long id) {
        translations.forget(new TextRef(kind, id));
    }

    private Long glossaryOf(long sessionId) {
        return forums.editionOfSession(new ForumSessionId(sessionId), true)
                .map(edition -> edition.id().value())
                .orElse(null);
    }
}
