package org.polyphony.dialogue;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who wrote in a set of sessions, for participation statistics: per author, the number of visible posts, the
 * language most of them are in, and the month of the first one. Authors are account ids, for the caller to count
 * in groups, never to list.
 */
@Service
public class EditionParticipation {

    private final JdbcClient jdbc;

    EditionParticipation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Author(long accountId, int posts, String language, java.time.YearMonth firstPost) {}

    public List<Author> authors(Collection<Long> sessionIds) {
        if (sessionIds.isEmpty()) return List.of();
        return jdbc.sql(
                        """
                        SELECT p.author_id, count(*) AS posts, mode() WITHIN GROUP (ORDER BY p.language) AS language,
                               min(p.created_at) AS first_post
                          FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
                         WHERE t.session_id IN (:sessions) AND p.author_id IS NOT NULL
                           AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                         GROUP BY p.author_id
                        """)
                .param("sessions", sessionIds)
                .query((rs, n) -> new Author(
                        rs.getLong("author_id"),
                        rs.getInt("posts"),
                        rs.getString("language"),
                        java.time.YearMonth.from(
                                rs.getTimestamp("first_post").toInstant().atZone(java.time.ZoneOffset.UTC))))
                .list();
    }
}
