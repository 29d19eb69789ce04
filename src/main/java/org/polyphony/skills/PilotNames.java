package org.polyphony.skills;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.translation.LanguageDetection;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The name organisers give an edition's pilot, kept in its language and shown translated like posts. */
@Repository
class PilotNames {

    static final String KIND = "skills-pilot";
    static final int LENGTH = 200;

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final LanguageDetection detection;
    private final Translations translations;

    PilotNames(JdbcClient jdbc, AccountDirectory accounts, LanguageDetection detection, Translations translations) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.detection = detection;
        this.translations = translations;
    }

    Optional<String> of(long edition) {
        return jdbc.sql("SELECT name FROM skills_pilot WHERE edition_id = :e")
                .param("e", edition)
                .query(String.class)
                .optional();
    }

    /** The name in the reader's language where a translation exists, else as written. */
    Optional<Shown> shown(long edition, Locale locale) {
        return of(edition).map(name -> translations
                .shown(KIND, List.of(edition), accounts.readerLanguages(locale))
                .getOrDefault(
                        new TextRef(KIND, edition),
                        new Shown(Shown.State.ORIGINAL, name, "und", "und", null, null, false)));
    }

    /** Names the pilot; the caller checked the name (1 to 200 characters) and that the author is an organiser. */
    @Transactional
    void name(long edition, String name, AccountId author) {
        String language =
                detection.detect(name, accounts.readingLanguages(author)).tag();
        jdbc.sql(
                        """
                        INSERT INTO skills_pilot (edition_id, name, name_language) VALUES (:e, :n, :l)
                        ON CONFLICT (edition_id) DO UPDATE SET name = EXCLUDED.name,
                            name_language = EXCLUDED.name_language, updated_at = now()
                        """)
                .param("e", edition)
                .param("n", name)
                .param("l", language)
                .update();
        translations.register(new TextRef(KIND, edition), name, language, edition);
    }
}
