package org.polyphony.consultation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.forums.Edition;
import org.polyphony.forums.EditionId;
import org.polyphony.forums.ForumManagement;
import org.polyphony.translation.TranslatableTexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A draft's paragraphs and its comments are offered to volunteer translators as posts are: those anyone reads (in an
 * edition open to changes: published, not archived), comments neither hidden nor withdrawn. Each is offered with the
 * address of the paragraph's discussion, where readers see it (a paragraph is also on the draft page, which shows a
 * volunteer's translation at once through {@link DraftTexts}).
 */
@Component
class ConsultationTranslatableTexts implements TranslatableTexts {

    private final JdbcClient jdbc;
    private final ForumManagement forums;

    ConsultationTranslatableTexts(JdbcClient jdbc, ForumManagement forums) {
        this.jdbc = jdbc;
        this.forums = forums;
    }

    @Override
    public Collection<String> kinds() {
        return List.of(ConsultationManagement.PARAGRAPH, ConsultationManagement.COMMENT);
    }

    @Override
    public Map<Long, String> translatable(String kind, Collection<Long> ids) {
        Map<Long, String> found = new LinkedHashMap<>();
        if (ids.isEmpty() || !kinds().contains(kind)) {
            return found;
        }
        Long[] open = forums.editions(false).stream()
                .filter(e -> !e.archived())
                .map(Edition::id)
                .map(EditionId::value)
                .toArray(Long[]::new);
        String sql = ConsultationManagement.PARAGRAPH.equals(kind)
                ? """
                SELECT p.id, v.consultation_id, p.key, v.number
                  FROM consultation_paragraph p
                  JOIN consultation_version v ON v.id = p.version_id
                  JOIN consultation_consultation k ON k.id = v.consultation_id
                 WHERE p.id = ANY(:ids) AND k.edition_id = ANY(:open)
                """
                : """
                SELECT c.id, v.consultation_id, coalesce(p.key, 'draft'), v.number
                  FROM consultation_comment c
                  JOIN consultation_version v ON v.id = c.version_id
                  LEFT JOIN consultation_paragraph p ON p.id = c.paragraph_id
                  JOIN consultation_consultation k ON k.id = v.consultation_id
                 WHERE c.id = ANY(:ids) AND k.edition_id = ANY(:open) AND NOT c.hidden AND c.withdrawn_at IS NULL
                """;
        jdbc.sql(sql)
                .param("ids", ids.toArray(Long[]::new))
                .param("open", open)
                .query((rs, n) -> Map.entry(
                        rs.getLong(1),
                        "/consultations/" + rs.getLong(2) + "/paragraphs/" + rs.getString(3) + "?version="
                                + rs.getInt(4)))
                .list()
                .forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    @Override
    public String kindLabel(String kind) {
        return ConsultationManagement.PARAGRAPH.equals(kind)
                ? "consultation.translatable.paragraph"
                : "consultation.translatable.comment";
    }
}
