package org.polyphony.dialogue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Full-text search over the dialogue's posts and thread titles, with PostgreSQL's own text search. Hits are
 * visible posts only (not deleted); a thread matches through its title or any of its posts.
 */
@Service
public class DialogueSearch {

    static final int PER_PAGE = 20;
    /** Markers PostgreSQL puts around matched words; replaced by {@code <mark>} after the snippet is escaped. */
    private static final String START = "\u0002";

    private static final String STOP = "\u0003";

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;

    DialogueSearch(JdbcClient jdbc, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** What to search for, and where. Null filters do not filter. */
    public record Query(
            String words, Collection<Long> sessionIds, Long authorId, LocalDate from, LocalDate to, int page) {}

    /** A matching post: its thread, its position there, and a snippet whose matches are marked. */
    public record Hit(
            long threadId,
            String threadTitle,
            long sessionId,
            int position,
            String author,
            String snippetHtml,
            Instant createdAt) {

        public String url() {
            int page = (position - 1) / DialogueManagement.POSTS_PER_PAGE + 1;
            return "/threads/" + threadId + (page > 1 ? "?page=" + page : "") + "#post-" + position;
        }
    }

    public record Results(List<Hit> hits, boolean more) {}

    public Results search(Query query) {
        if (query.words() == null || query.words().isBlank()) {
            return new Results(List.of(), false);
        }
        int page = Math.max(1, query.page());
        var rows = jdbc.sql(
                        """
                        WITH q AS (SELECT websearch_to_tsquery('simple', :words) AS query),
                        -- two index lookups (posts' words, threads' titles) instead of one scan of every post
                        hits AS (
                            SELECT p.id FROM dialogue_post p, q WHERE p.search_vector @@ q.query
                            UNION
                            SELECT o.id FROM dialogue_thread t
                              JOIN dialogue_post o ON o.thread_id = t.id AND o.position = 1, q
                             WHERE t.search_vector @@ q.query
                        )
                        SELECT p.thread_id, t.title, t.session_id, p.position, p.author_id, p.created_at,
                               ts_headline('simple', p.body, q.query,
                                   'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=30, MinWords=12')
                                   AS snippet,
                               ts_rank(p.search_vector, q.query) + 2 * ts_rank(t.search_vector, q.query) AS rank
                          FROM hits
                          JOIN dialogue_post p ON p.id = hits.id
                          JOIN dialogue_thread t ON t.id = p.thread_id
                          CROSS JOIN q
                         WHERE p.deleted_at IS NULL AND p.hidden_at IS NULL AND NOT t.hidden
                           AND (:anySession OR t.session_id IN (:sessions))
                           AND (:author::bigint IS NULL OR p.author_id = :author)
                           AND (:from::timestamptz IS NULL OR p.created_at >= :from)
                           AND (:to::timestamptz IS NULL OR p.created_at < :to)
                         ORDER BY rank DESC, p.created_at DESC, p.id DESC
                         LIMIT :limit OFFSET :offset
                        """)
                .param("words", query.words())
                .param("anySession", query.sessionIds() == null)
                .param(
                        "sessions",
                        query.sessionIds() == null || query.sessionIds().isEmpty()
                                ? List.of(-1L)
                                : List.copyOf(query.sessionIds()))
                .param("author", query.authorId())
                .param("from", query.from() == null ? null : java.sql.Timestamp.from(start(query.from())))
                .param(
                        "to",
                        query.to() == null
                                ? null
                                : java.sql.Timestamp.from(start(query.to().plusDays(1))))
                .param("limit", PER_PAGE + 1)
                .param("offset", (page - 1) * PER_PAGE)
                .query((rs, n) -> new Row(
                        rs.getLong("thread_id"),
                        rs.getString("title"),
                        rs.getLong("session_id"),
                        rs.getInt("position"),
                        (Long) rs.getObject("author_id"),
                        rs.getString("snippet"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
        boolean more = rows.size() > PER_PAGE;
        List<Row> shown = more ? rows.subList(0, PER_PAGE) : rows;
        Map<AccountId, String> names = accounts.displayNames(shown.stream()
                .map(Row::authorId)
                .filter(id -> id != null)
                .map(AccountId::new)
                .collect(Collectors.toSet()));
        List<Hit> hits = shown.stream()
                .map(r -> new Hit(
                        r.threadId(),
                        r.title(),
                        r.sessionId(),
                        r.position(),
                        r.authorId() == null ? null : names.get(new AccountId(r.authorId())),
                        marked(r.snippet()),
                        r.createdAt()))
                .toList();
        return new Results(hits, more);
    }

    /** Escapes the snippet, then turns PostgreSQL's markers into {@code <mark>} elements. */
    static String marked(String snippet) {
        return HtmlUtils.htmlEscape(snippet).replace(START, "<mark>").replace(STOP, "</mark>");
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private record Row(
            long threadId,
            String title,
            long sessionId,
            int position,
            Long authorId,
            String snippet,
            Instant createdAt) {}
}
