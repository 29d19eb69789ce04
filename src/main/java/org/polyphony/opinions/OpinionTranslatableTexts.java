package org.polyphony.opinions;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polyphony.forums.ForumManagement;
import org.polyphony.forums.ForumSessionId;
import org.polyphony.translation.TranslatableTexts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opinion statements and conversation questions volunteers may translate, like posts: accepted statements (a
 * rejected or waiting one is not offered), of conversations not closed, in editions that are not archived. Only the
 * statement's text is ever shown to a volunteer, never who wrote it or how anyone voted.
 */
@Component
class OpinionTranslatableTexts implements TranslatableTexts {

    private final JdbcClient jdbc;
    private final ForumManagement forums;

    OpinionTranslatableTexts(JdbcClient jdbc, ForumManagement forums) {
        this.jdbc = jdbc;
        this.forums = forums;
    }

    @Override
    public Collection<String> kinds() {
        return List.of(StatementLanguages.STATEMENT, StatementLanguages.QUESTION);
    }

    @Override
    public Map<Long, String> translatable(String kind, Collection<Long> ids) {
        record Row(long id, long conversation, long session) {}
        List<Row> rows = StatementLanguages.STATEMENT.equals(kind)
                ? jdbc.sql(
                                """
                                SELECT s.id, c.id, c.session_id FROM opinions_statement s
                                JOIN opinions_conversation c ON c.id = s.conversation_id
                                WHERE s.id = ANY(CAST(:ids AS bigint[])) AND s.moderation = 1 AND NOT c.closed
                                """)
                        .param("ids", ids.toArray(Long[]::new))
                        .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .list()
                : jdbc.sql(
                                """
                                SELECT id, id, session_id FROM opinions_conversation
                                WHERE id = ANY(CAST(:ids AS bigint[])) AND NOT closed
                                """)
                        .param("ids", ids.toArray(Long[]::new))
                        .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                        .list();
        Map<Long, String> found = new LinkedHashMap<>();
        for (Row row : rows) {
            boolean open = forums.editionOfSession(new ForumSessionId(row.session()), false)
                    .filter(edition -> !edition.archived())
                    .isPresent();
            if (open) {
                found.put(row.id(), "/conversations/" + row.conversation());
            }
        }
        return found;
    }

    @Override
    public String kindLabel(String kind) {
        return StatementLanguages.STATEMENT.equals(kind) ? "volunteers.kind.statement" : "volunteers.kind.question";
    }
}
