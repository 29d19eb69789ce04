package org.polyphony.dialogue;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polyphony.accounts.AccountId;
import org.polyphony.accounts.PostingAllowance;
import org.polyphony.translation.Shown;
import org.polyphony.translation.TextRef;
import org.polyphony.translation.Translations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * What other modules may do with threads and posts they refer to by id (a regional hub's threads, a report's
 * citations): start a thread in a session on someone's behalf, through the same checks and the same publication
 * as the session's own form (so translation, moderation, live updates, search and notifications all apply), and
 * read posts and threads with whether they are still visible to everyone.
 */
@Service
public class ThreadReferences {

    private final DialogueManagement dialogue;
    private final PostingAllowance allowance;
    private final Translations translations;
    private final JdbcClient jdbc;

    ThreadReferences(
            DialogueManagement dialogue, PostingAllowance allowance, Translations translations, JdbcClient jdbc) {
        this.dialogue = dialogue;
        this.allowance = allowance;
        this.translations = translations;
        this.jdbc = jdbc;
    }

    /** Whether a post or thread may be shown to everyone, and if not why. */
    public enum Visibility {
        VISIBLE,
        AWAITING,
        HIDDEN,
        DELETED,
        /** Its author deleted their account. */
        AUTHOR_GONE
    }

    public record ReferencedPost(
            long id,
            long threadId,
            long sessionId,
            String threadTitle,
            int position,
            String body,
            String language,
            Instant createdAt,
            int reactions,
            Visibility visibility,
            String url) {}

    public record ReferencedThread(
            long id,
            long sessionId,
            String title,
            String language,
            int replies,
            Instant lastActivityAt,
            Visibility visibility,
            String url) {}

    /**
     * Starts a thread in a session as its own form would: refused (in {@code errors}) for suspended or too hasty
     * accounts; waiting for a moderator in a pre-moderated session unless {@code moderator}.
     */
    @Transactional
    public Optional<ReferencedThread> startThread(
            long sessionId, AccountId author, ThreadForm form, Errors errors, boolean awaiting) {
        if (!errors.hasErrors()) {
            PostingAllowance.Verdict verdict = allowance.mayWrite(author);
            if (verdict != PostingAllowance.Verdict.ALLOWED) {
                errors.reject(verdict.messageKey());
            }
        }
        return dialogue.startThread(sessionId, author, form, errors, awaiting)
                .flatMap(ref -> threads(List.of(ref.threadId())).stream().findFirst());
    }

    public Optional<ReferencedPost> post(long id) {
        return posts(List.of(id)).stream().findFirst();
    }

    public List<ReferencedPost> posts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(POSTS + " WHERE p.id IN (:ids)")
                .param("ids", ids)
                .query(this::postRow)
                .list();
    }

    /** The posts of these threads with most reactions, visible ones only, most first. */
    public List<ReferencedPost> mostReacted(Collection<Long> threadIds, int limit) {
        if (threadIds.isEmpty()) {
            return List.of();
        }
        return jdbc
                .sql(
                        POSTS
                                + """
                         WHERE p.thread_id IN (:ids) AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                           AND NOT p.awaiting_approval AND p.author_id IS NOT NULL
                         ORDER BY reactions DESC, p.id LIMIT :limit
                        """)
                .param("ids", threadIds)
                .param("limit", limit)
                .query(this::postRow)
                .list()
                .stream()
                .filter(p -> p.reactions() > 0)
                .toList();
    }

    /** Visible posts of these threads whose text contains {@code words}, newest first. */
    public List<ReferencedPost> search(Collection<Long> threadIds, String words, int limit) {
        if (threadIds.isEmpty() || words == null || words.isBlank()) {
            return List.of();
        }
        return jdbc.sql(
                        POSTS
                                + """
                         WHERE p.thread_id IN (:ids) AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                           AND NOT p.awaiting_approval AND p.body ILIKE :words ESCAPE '\\'
                         ORDER BY p.id DESC LIMIT :limit
                        """)
                .param("ids", threadIds)
                .param(
                        "words",
                        "%"
                                + words.strip()
                                        .replace("\\", "\\\\")
                                        .replace("%", "\\%")
                                        .replace("_", "\\_") + "%")
                .param("limit", limit)
                .query(this::postRow)
                .list();
    }

    public List<ReferencedThread> threads(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        SELECT t.id, t.session_id, t.title, t.language, t.reply_count, t.last_activity_at,
                               t.hidden, t.awaiting_approval,
                               (SELECT p.deleted_at IS NOT NULL FROM dialogue_post p
                                 WHERE p.thread_id = t.id AND p.position = 1) AS opening_deleted
                          FROM dialogue_thread t WHERE t.id IN (:ids)
                         ORDER BY t.last_activity_at DESC, t.id DESC
                        """)
                .param("ids", ids)
                .query((rs, n) -> new ReferencedThread(
                        rs.getLong("id"),
                        rs.getLong("session_id"),
                        rs.getString("title"),
                        rs.getString("language"),
                        rs.getInt("reply_count"),
                        rs.getTimestamp("last_activity_at").toInstant(),
                        rs.getBoolean("opening_deleted")
                                ? Visibility.DELETED
                                : rs.getBoolean("hidden")
                                        ? Visibility.HIDDEN
                                        : rs.getBoolean("awaiting_approval") ? Visibility.AWAITING : Visibility.VISIBLE,
                        "/threads/" + rs.getLong("id")))
                .list();
    }

    /** How much visible dialogue these threads hold: distinct authors, posts and the languages they are in. */
    public record Participation(long participants, long posts, long languages) {}

    public Participation participation(Collection<Long> threadIds) {
        if (threadIds.isEmpty()) {
            return new Participation(0, 0, 0);
        }
        return jdbc.sql(
                        """
                        SELECT count(DISTINCT author_id), count(*), count(DISTINCT language) FROM dialogue_post
                         WHERE thread_id IN (:ids) AND deleted_at IS NULL AND hidden_at IS NULL AND NOT awaiting_approval
                        """)
                .param("ids", threadIds)
                .query((rs, n) -> new Participation(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** Posts' texts in the reader's languages (a machine translation where one is ready), by post id. */
    public Map<Long, Shown> postTexts(Collection<Long> postIds, List<String> readerLanguages) {
        return texts(ContributionLanguages.POST, postIds, readerLanguages);
    }

    /** Thread titles in the reader's languages, by thread id. */
    public Map<Long, Shown> titles(Collection<Long> threadIds, List<String> readerLanguages) {
        return texts(ContributionLanguages.TITLE, threadIds, readerLanguages);
    }

    private Map<Long, Shown> texts(String kind, Collection<Long> ids, List<String> readerLanguages) {
        if (ids.isEmpty() || readerLanguages.isEmpty()) {
            return Map.of();
        }
        Map<Long, Shown> byId = new java.util.HashMap<>();
        translations.shown(kind, ids, readerLanguages).forEach((TextRef ref, Shown shown) -> byId.put(ref.id(), shown));
        return byId;
    }

    private static final String POSTS =
            """
            SELECT p.id, p.thread_id, t.session_id, t.title, p.position, p.body, p.language, p.created_at,
                   p.deleted_at, p.hidden_at, p.awaiting_approval, p.author_id,
                   (SELECT count(*) FROM dialogue_reaction r WHERE r.post_id = p.id) AS reactions
              FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
            """;

    private ReferencedPost postRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Visibility visibility = rs.getTimestamp("deleted_at") != null
                ? Visibility.DELETED
                : rs.getTimestamp("hidden_at") != null
                        ? Visibility.HIDDEN
                        : rs.getBoolean("awaiting_approval")
                                ? Visibility.AWAITING
                                : rs.getObject("author_id") == null ? Visibility.AUTHOR_GONE : Visibility.VISIBLE;
        int position = rs.getInt("position");
        return new ReferencedPost(
                rs.getLong("id"),
                rs.getLong("thread_id"),
                rs.getLong("session_id"),
                rs.getString("title"),
                position,
                rs.getString("body"),
                rs.getString("language"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("reactions"),
                visibility,
                new DialogueManagement.PostRef(rs.getLong("id"), rs.getLong("thread_id"), position).url());
    }
}
