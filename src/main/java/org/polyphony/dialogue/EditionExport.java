package org.polyphony.dialogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.forums.Edition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open-data export of an edition's dialogue: every visible post with its thread, session and reply link,
 * authored by public display name. No e-mail, no account id, no hidden or deleted post, no flag, no reaction by
 * person. The schema is documented in docs/open-data.md.
 */
@Component
class EditionExport {

    static final List<String> CSV_COLUMNS = List.of(
            "post_id",
            "thread_id",
            "session",
            "thread_title",
            "position",
            "in_reply_to_post_id",
            "author",
            "created_at",
            "edited_at",
            "body_markdown");

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;

    EditionExport(JdbcClient jdbc, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    record ExportedPost(
            long postId,
            long threadId,
            String session,
            String threadTitle,
            int position,
            Long inReplyToPostId,
            String author,
            Instant createdAt,
            Instant editedAt,
            String bodyMarkdown) {}

    List<ExportedPost> posts(Edition edition) {
        Map<Long, String> codes = new LinkedHashMap<>();
        edition.roundtables().forEach(r -> r.sessions().forEach(s -> codes.put(s.id().value(), s.code())));
        if (codes.isEmpty()) {
            return List.of();
        }
        var rows = jdbc.sql(
                        """
                        SELECT p.id, p.thread_id, t.session_id, t.title, p.position, p.author_id, p.created_at,
                               p.edited_at, p.body,
                               (SELECT q.id FROM dialogue_post q
                                 WHERE q.id = p.parent_id AND q.deleted_at IS NULL AND q.hidden_at IS NULL) AS parent
                          FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
                         WHERE t.session_id IN (:sessions) AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                           AND NOT t.hidden
                         ORDER BY t.session_id, p.thread_id, p.position
                        """)
                .param("sessions", List.copyOf(codes.keySet()))
                .query((rs, n) -> new Object[] {
                    rs.getLong("id"),
                    rs.getLong("thread_id"),
                    rs.getLong("session_id"),
                    rs.getString("title"),
                    rs.getInt("position"),
                    rs.getObject("parent"),
                    rs.getObject("author_id"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("edited_at") == null
                            ? null
                            : rs.getTimestamp("edited_at").toInstant(),
                    rs.getString("body")
                })
                .list();
        Map<AccountId, String> names = accounts.displayNames(rows.stream()
                .map(r -> (Long) r[6])
                .filter(id -> id != null)
                .map(AccountId::new)
                .collect(Collectors.toSet()));
        List<ExportedPost> posts = new ArrayList<>();
        for (Object[] r : rows) {
            posts.add(new ExportedPost(
                    (long) r[0],
                    (long) r[1],
                    codes.get((long) r[2]),
                    (String) r[3],
                    (int) r[4],
                    (Long) r[5],
                    r[6] == null ? null : names.get(new AccountId((Long) r[6])),
                    (Instant) r[7],
                    (Instant) r[8],
                    (String) r[9]));
        }
        return posts;
    }

    /** RFC 4180 CSV, UTF-8, with a header row. */
    String csv(List<ExportedPost> posts) {
        StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (ExportedPost p : posts) {
            csv.append(p.postId())
                    .append(',')
                    .append(p.threadId())
                    .append(',')
                    .append(field(p.session()))
                    .append(',')
                    .append(field(p.threadTitle()))
                    .append(',')
                    .append(p.position())
                    .append(',')
                    .append(p.inReplyToPostId() == null ? "" : p.inReplyToPostId())
                    .append(',')
                    .append(field(p.author()))
                    .append(',')
                    .append(p.createdAt())
                    .append(',')
                    .append(p.editedAt() == null ? "" : p.editedAt())
                    .append(',')
                    .append(field(p.bodyMarkdown()))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String field(String value) {
        return org.polyphony.web.CsvField.of(value);
    }
}
