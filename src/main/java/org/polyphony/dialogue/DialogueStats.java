package org.polyphony.dialogue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.web.ShortLivedCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How much of a discussion is dialogue rather than a succession of monologues: the share of posts that answer
 * another participant, how many people take part, which threads still wait for an answer, and how many posts got
 * an answer from someone who reads another first language. Visible posts only; aggregates only.
 */
@Service
public class DialogueStats {

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;
    private final ShortLivedCache sessions;
    private final ShortLivedCache threads;

    DialogueStats(
            JdbcClient jdbc,
            AccountDirectory accounts,
            @org.springframework.beans.factory.annotation.Value("${polyphony.stats-cache:PT30S}")
                    java.time.Duration cacheTime) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.sessions = new ShortLivedCache(cacheTime);
        this.threads = new ShortLivedCache(cacheTime);
    }

    /** The figures of a session or a thread. */
    public record Interactivity(
            int posts,
            int participants,
            int repliesToOthers,
            int postsAnsweredAcrossLanguages,
            int threads,
            int threadsWithoutReply) {

        /** Replies to another participant, in percent of all posts (0 when there are none). */
        public int dialoguePercent() {
            return posts == 0 ? 0 : Math.round(100f * repliesToOthers / posts);
        }
    }

    /** A session's figures for its public pages, counted in the database (no cross-language figure). */
    public Interactivity ofSession(long sessionId) {
        // counting a busy session's posts takes tens of milliseconds; the list page shows figures up to 30 s old
        return sessions.get(sessionId, () -> countSession(sessionId));
    }

    private Interactivity countSession(long sessionId) {
        return count("t.session_id = :id", sessionId);
    }

    /** Posts, participants and replies to others, counted in the database; no cross-language figure. */
    private Interactivity count(String where, long id) {
        var counts = jdbc.sql(
                        """
                        SELECT count(*) AS posts, count(DISTINCT p.author_id) AS participants,
                               count(*) FILTER (WHERE p.position > 1
                                   AND coalesce(parent.author_id, opening.author_id) <> p.author_id) AS to_others
                          FROM dialogue_post p
                          JOIN dialogue_thread t ON t.id = p.thread_id
                          LEFT JOIN dialogue_post parent ON parent.id = p.parent_id
                          LEFT JOIN dialogue_post opening ON opening.thread_id = p.thread_id AND opening.position = 1
                         WHERE %s AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                        """
                                .formatted(where))
                .param("id", id)
                .query((rs, n) -> new int[] {rs.getInt("posts"), rs.getInt("participants"), rs.getInt("to_others")})
                .single();
        int[] threads = threadCounts(where, id);
        return new Interactivity(counts[0], counts[1], counts[2], 0, threads[0], threads[1]);
    }

    /** A session's figures for its organisers, including how much dialogue crosses languages. */
    public Interactivity dashboardOf(long sessionId) {
        return compute("t.session_id = :id", sessionId);
    }

    /** A thread's figures, up to 30 s old: every reader of the thread page sees them. */
    public Interactivity ofThread(ThreadId thread) {
        return threads.get(thread.value(), () -> count("t.id = :id", thread.value()));
    }

    /** The session's threads that nobody has answered yet, oldest first: they wait longest. */
    public List<DialogueViews.ThreadSummary> waitingForAnswer(long sessionId) {
        return jdbc.sql(
                        """
                        SELECT id, title, created_at, last_activity_at, language FROM dialogue_thread
                         WHERE session_id = :id AND reply_count = 0 ORDER BY created_at LIMIT 50
                        """)
                .param("id", sessionId)
                .query((rs, n) -> new DialogueViews.ThreadSummary(
                        new ThreadId(rs.getLong("id")),
                        rs.getString("title"),
                        null,
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_activity_at").toInstant(),
                        0,
                        rs.getString("language")))
                .list();
    }

    private int[] threadCounts(String where, long id) {
        return jdbc.sql("SELECT count(*), count(*) FILTER (WHERE reply_count = 0) FROM dialogue_thread t WHERE "
                        + where)
                .param("id", id)
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
    }

    private Interactivity compute(String where, long id) {
        // each visible post with the author of what it answers: its parent, or else the thread's opening post
        List<long[]> rows = jdbc.sql(
                        """
                        SELECT p.id, coalesce(p.author_id, 0) AS author, p.position,
                               coalesce(target.id, 0) AS target, coalesce(target.author_id, 0) AS target_author
                          FROM dialogue_post p
                          JOIN dialogue_thread t ON t.id = p.thread_id
                          LEFT JOIN dialogue_post target ON target.id = coalesce(p.parent_id,
                               (SELECT o.id FROM dialogue_post o WHERE o.thread_id = p.thread_id AND o.position = 1))
                               AND p.position > 1
                         WHERE %s AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                        """
                                .formatted(where))
                .param("id", id)
                .query((rs, n) -> new long[] {
                    rs.getLong("id"),
                    rs.getLong("author"),
                    rs.getInt("position"),
                    rs.getLong("target"),
                    rs.getLong("target_author")
                })
                .list();
        Set<Long> authors = rows.stream().map(r -> r[1]).filter(a -> a != 0).collect(Collectors.toSet());
        int repliesToOthers = (int)
                rows.stream().filter(r -> r[2] > 1 && r[4] != 0 && r[1] != r[4]).count();
        Set<Long> everyone = new HashSet<>(authors);
        rows.forEach(r -> everyone.add(r[4]));
        everyone.remove(0L);
        Map<AccountId, String> languages = accounts.firstReadingLanguages(
                everyone.stream().map(AccountId::new).collect(Collectors.toSet()));
        int crossLanguage = (int) rows.stream()
                .filter(r -> r[2] > 1 && r[4] != 0 && r[1] != 0 && r[1] != r[4])
                .filter(r -> {
                    String replier = languages.get(new AccountId(r[1]));
                    String answered = languages.get(new AccountId(r[4]));
                    return replier != null && answered != null && !replier.equals(answered);
                })
                .map(r -> r[3])
                .distinct()
                .count();
        int[] threads = threadCounts(where, id);
        return new Interactivity(rows.size(), authors.size(), repliesToOthers, crossLanguage, threads[0], threads[1]);
    }
}
