package org.polyphony.experiences;

import java.util.List;
import java.util.Optional;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What other modules may cite of a story (a regional report, say): its title and words in the reader's language,
 * its edition, and whether it is still published. It never says who wrote it, so an anonymous story stays
 * anonymous wherever it is cited.
 */
@Service
public class StoryCitations {

    public record CitedStory(long id, long editionId, boolean published, Shown title, Shown body, String url) {}

    private final JdbcClient jdbc;
    private final Translations translations;

    StoryCitations(JdbcClient jdbc, Translations translations) {
        this.jdbc = jdbc;
        this.translations = translations;
    }

    public Optional<CitedStory> story(long id, List<String> readerLanguages) {
        record Row(long edition, String title, String body, String language, boolean published) {}
        return jdbc.sql("SELECT edition_id, title, body, language, status FROM experiences_story WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        StoryStatus.PUBLISHED.name().equals(rs.getString(5))))
                .optional()
                .map(row -> new CitedStory(
                        id,
                        row.edition(),
                        row.published(),
                        shown(ExperiencesManagement.TITLE, id, row.title(), row.language(), readerLanguages),
                        shown(ExperiencesManagement.BODY, id, row.body(), row.language(), readerLanguages),
                        "/stories/" + id));
    }

    /** Published stories of an edition whose title or text contains the words, newest first. */
    public List<Long> search(long editionId, String words, int limit) {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        SELECT id FROM experiences_story
                         WHERE edition_id = :e AND status = 'PUBLISHED'
                           AND (title ILIKE :w ESCAPE '\\' OR body ILIKE :w ESCAPE '\\')
                         ORDER BY id DESC LIMIT :limit
                        """)
                .param("e", editionId)
                .param(
                        "w",
                        "%"
                                + words.strip()
                                        .replace("\\", "\\\\")
                                        .replace("%", "\\%")
                                        .replace("_", "\\_") + "%")
                .param("limit", limit)
                .query(Long.class)
                .list();
    }

    private Shown shown(String kind, long id, String original, String language, List<String> readerLanguages) {
        Shown shown = readerLanguages.isEmpty()
                ? null
                : translations.shown(kind, List.of(id), readerLanguages, false).get(new TextRef(kind, id));
        return shown != null && shown.translated()
                ? shown
                : new Shown(Shown.State.ORIGINAL, original, language, language, null, null, false);
    }
}
