package org.polyphony.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.polyphony.dialogue.DialogueViews.Revision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DialogueRepository {

    private final JdbcClient jdbc;

    DialogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new thread, in the language its title was found to be in (one write: its search vector is made once). */
    ThreadId insertThread(
            long sessionId, String title, long authorId, boolean awaiting, String language, double confidence) {
        return new ThreadId(jdbc.sql(
                        """
                        INSERT INTO dialogue_thread (session_id, title, author_id, awaiting_approval,
                                                     language, language_confidence, search_config)
                        VALUES (:session, :title, :author, :awaiting, :language, :confidence,
                                CAST(:config AS regconfig))
                        RETURNING id
                        """)
                .param("session", sessionId)
                .param("title", title)
                .param("author", authorId)
                .param("awaiting", awaiting)
                .param("language", language)
                .param("confidence", confidence)
                .param("config", org.polyphony.languages.TextSearchConfigurations.of(language))
                .query(Long.class)
                .single());
    }

    /**
     * The id the next post will have, taken from its identity's sequence before the thread is locked, so that what
     * refers to the post (its translation source and jobs) is written before the lock too.
     */
    PostId newPostId() {
        return new PostId(jdbc.sql("SELECT nextval(pg_get_serial_sequence('dialogue_post', 'id'))")
                .query(Long.class)
                .single());
    }

    /**
     * Reserves the next position in the thread; the row lock orders concurrent replies and is held until the
     * transaction ends, so it is taken as late as possible. A new visible reply counts itself in the same write
     * ({@code countsAsReply}); every other change recounts ({@link #recountReplies}).
     */
    int nextPosition(ThreadId thread, boolean countsAsReply) {
        return jdbc.sql(
                        """
                        UPDATE dialogue_thread SET posts_written = posts_written + 1, last_activity_at = now(),
                               reply_count = reply_count + CASE WHEN :reply THEN 1 ELSE 0 END
                         WHERE id = :id
                        RETURNING posts_written
                        """)
                .param("id", thread.value())
                .param("reply", countsAsReply)
                .query(Integer.class)
                .single();
    }

    /** Counts the thread's visible replies again: deletions, hiding and approvals never make it drift. */
    void recountReplies(ThreadId thread) {
        jdbc.sql(
                        """
                        UPDATE dialogue_thread SET reply_count = (
                            SELECT count(*) FROM dialogue_post p WHERE p.thread_id = :id AND p.position > 1
                               AND p.deleted_at IS NULL AND p.hidden_at IS NULL)
                         WHERE id = :id
                        """)
                .param("id", thread.value())
                .update();
    }

    /** A new post, with the id {@link #newPostId} gave and the language found before: one write. */
    void insertPost(
            PostId id,
            ThreadId thread,
            int position,
            Long parentId,
            long authorId,
            String body,
            String html,
            UUID key,
            boolean awaiting,
            String language,
            double confidence) {
        jdbc.sql(
                        """
                        INSERT INTO dialogue_post (id, thread_id, position, parent_id, author_id, body, body_html,
                                                   idempotency_key, awaiting_approval, hidden_at, depth, published_at,
                                                   language, language_confidence, search_config)
                        OVERRIDING SYSTEM VALUE
                        VALUES (:id, :thread, :position, :parent, :author, :body, :html, :key, :awaiting,
                                CASE WHEN :awaiting THEN now() END,
                                coalesce((SELECT least(q.depth + 1, 100) FROM dialogue_post q WHERE q.id = :parent), 0),
                                CASE WHEN :awaiting THEN NULL ELSE now() END,
                                :language, :confidence, CAST(:config AS regconfig))
                        """)
                .param("id", id.value())
                .param("thread", thread.value())
                .param("position", position)
                .param("parent", parentId)
                .param("author", authorId)
                .param("body", body)
                .param("html", html)
                .param("key", key)
                .param("awaiting", awaiting)
                .param("language", language)
                .param("confidence", confidence)
                .param("config", org.polyphony.languages.TextSearchConfigurations.of(language))
                .update();
    }

    void approve(PostId post, boolean opening) {
        jdbc.sql("UPDATE dialogue_post SET awaiting_approval = false, hidden_at = NULL, published_at = now()"
                        + " WHERE id = :id AND deleted_at IS NULL")
                .param("id", post.value())
                .update();
        if (opening) {
            jdbc.sql("UPDATE dialogue_thread SET awaiting_approval = false"
                            + " WHERE id = (SELECT thread_id FROM dialogue_post WHERE id = :id)")
                    .param("id", post.value())
                    .update();
        }
    }

    Optional<PostRow> postByKey(long authorId, UUID key) {
        return jdbc.sql("SELECT * FROM dialogue_post WHERE author_id = :author AND idempotency_key = :key")
                .param("author", authorId)
                .param("key", key)
                .query(DialogueRepository::postRow)
                .optional();
    }

    Optional<PostRow> post(PostId id) {
        return jdbc.sql("SELECT * FROM dialogue_post WHERE id = :id")
                .param("id", id.value())
                .query(DialogueRepository::postRow)
                .optional();
    }

    /** What is announced of a just-published post: one query, as it runs while the thread is locked. */
    record PublishedRow(
            long threadId,
            long sessionId,
            String threadTitle,
            Long threadAuthorId,
            int position,
            Long authorId,
            Long parentId,
            Long parentAuthorId,
            String body) {}

    Optional<PublishedRow> published(PostId id) {
        return jdbc.sql(
                        """
                        SELECT p.thread_id, t.session_id, t.title, t.author_id AS thread_author, p.position,
                               p.author_id, p.parent_id, q.author_id AS parent_author, p.body
                          FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
                          LEFT JOIN dialogue_post q ON q.id = p.parent_id
                         WHERE p.id = :id
                        """)
                .param("id", id.value())
                .query((rs, n) -> new PublishedRow(
                        rs.getLong("thread_id"),
                        rs.getLong("session_id"),
                        rs.getString("title"),
                        (Long) rs.getObject("thread_author"),
                        rs.getInt("position"),
                        (Long) rs.getObject("author_id"),
                        (Long) rs.getObject("parent_id"),
                        (Long) rs.getObject("parent_author"),
                        rs.getString("body")))
                .optional();
    }

    Optional<ThreadRow> thread(ThreadId id) {
        return jdbc.sql("SELECT * FROM dialogue_thread WHERE id = :id")
                .param("id", id.value())
                .query(DialogueRepository::threadRow)
                .optional();
    }

    /**
     * One page of a session's threads in {@code sort} order, after the keyset {@code cursor} ("value.id" of the
     * last thread of the previous page), so that deep pages cost what the first one does.
     */
    List<ThreadRow> threads(long sessionId, ThreadSort sort, Cursor cursor, int limit, long reader) {
        String value = sort.timestamp
                ? "(extract(epoch FROM " + sort.column + ") * 1000000)::bigint"
                : sort.column + "::bigint";
        String bound = sort.timestamp
                ? "timestamptz 'epoch' + :cursorValue * interval '1 microsecond'"
                : "CAST(:cursorValue AS integer)";
        // the raw column, not an expression of it, so that the (session, column, id) index serves every page
        String after = cursor == null ? "" : " AND (" + sort.column + ", id) < (" + bound + ", :cursorId)";
        String unanswered = sort == ThreadSort.UNANSWERED ? " AND reply_count = 0" : "";
        // threads waiting for approval are seen only by their authors
        unanswered += " AND (NOT (awaiting_approval OR hidden) OR author_id = :reader)";
        return jdbc.sql("SELECT * FROM dialogue_thread WHERE session_id = :session" + unanswered + after + " ORDER BY "
                        + sort.column + " DESC, id DESC LIMIT :limit")
                .param("session", sessionId)
                .param("cursorValue", cursor == null ? 0L : cursor.value())
                .param("cursorId", cursor == null ? 0L : cursor.id())
                .param("limit", limit)
                .param("reader", reader)
                .query(DialogueRepository::threadRow)
                .list();
    }

    List<PostRow> posts(ThreadId thread, int fromPosition, int toPosition) {
        return jdbc.sql(
                        """
                        SELECT * FROM dialogue_post
                         WHERE thread_id = :thread AND position BETWEEN :from AND :to
                         ORDER BY position
                        """)
                .param("thread", thread.value())
                .param("from", fromPosition)
                .param("to", toPosition)
                .query(DialogueRepository::postRow)
                .list();
    }

    record RecentRow(
            long postId,
            long threadId,
            long sessionId,
            String title,
            int position,
            Long authorId,
            String body,
            Instant publishedAt) {}

    List<RecentRow> recent(
            java.util.Collection<Long> threads,
            java.util.Collection<Long> sessions,
            Instant since,
            long exceptAuthor,
            int limit) {
        return jdbc.sql(
                        """
                        SELECT p.id, p.thread_id, t.session_id, t.title, p.position, p.author_id, p.body,
                               p.published_at
                          FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
                         WHERE p.published_at > :since AND p.deleted_at IS NULL AND p.hidden_at IS NULL
                           AND NOT t.hidden
                           AND (p.author_id IS NULL OR p.author_id <> :except)
                           AND (t.id IN (:threads) OR t.session_id IN (:sessions))
                         ORDER BY p.published_at, p.id
                         LIMIT :limit
                        """)
                .param("since", java.sql.Timestamp.from(since))
                .param("except", exceptAuthor)
                .param("threads", threads.isEmpty() ? List.of(-1L) : List.copyOf(threads))
                .param("sessions", sessions.isEmpty() ? List.of(-1L) : List.copyOf(sessions))
                .param("limit", limit)
                .query((rs, n) -> new RecentRow(
                        rs.getLong("id"),
                        rs.getLong("thread_id"),
                        rs.getLong("session_id"),
                        rs.getString("title"),
                        rs.getInt("position"),
                        (Long) rs.getObject("author_id"),
                        rs.getString("body"),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    /** Visible posts of some authors in some sessions, published before a moment, newest first. */
    List<RecentRow> recentBy(
            java.util.Collection<Long> authors, java.util.Collection<Long> sessions, Instant before, int limit) {
        if (authors.isEmpty() || sessions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        SELECT p.id, p.thread_id, t.session_id, t.title, p.position, p.author_id, p.body,
                               p.published_at
                          FROM dialogue_post p JOIN dialogue_thread t ON t.id = p.thread_id
                         WHERE p.author_id IN (:authors) AND t.session_id IN (:sessions)
                           AND p.published_at IS NOT NULL AND p.published_at < :before
                           AND p.deleted_at IS NULL AND p.hidden_at IS NULL AND NOT p.awaiting_approval
                           AND NOT t.hidden
                         ORDER BY p.published_at DESC, p.id DESC
                         LIMIT :limit
                        """)
                .param("authors", List.copyOf(authors))
                .param("sessions", List.copyOf(sessions))
                .param("before", java.sql.Timestamp.from(before))
                .param("limit", limit)
                .query((rs, n) -> new RecentRow(
                        rs.getLong("id"),
                        rs.getLong("thread_id"),
                        rs.getLong("session_id"),
                        rs.getString("title"),
                        rs.getInt("position"),
                        (Long) rs.getObject("author_id"),
                        rs.getString("body"),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    List<Long> postIdsAfter(ThreadId thread, long afterPostId) {
        return jdbc.sql("SELECT id FROM dialogue_post WHERE thread_id = :thread AND id > :after ORDER BY id LIMIT 100")
                .param("thread", thread.value())
                .param("after", afterPostId)
                .query(Long.class)
                .list();
    }

    Map<Long, PostRow> postsById(Collection<Long> ids) {
        Map<Long, PostRow> posts = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM dialogue_post WHERE id IN (:ids)")
                    .param("ids", List.copyOf(ids))
                    .query(DialogueRepository::postRow)
                    .list()
                    .forEach(p -> posts.put(p.id(), p));
        }
        return posts;
    }

    void replaceBody(PostRow post, String body, String html) {
        jdbc.sql(
                        """
                        INSERT INTO dialogue_post_revision (post_id, body, body_html, written_at)
                        VALUES (:post, :body, :html, :writtenAt)
                        """)
                .param("post", post.id())
                .param("body", post.body())
                .param("html", post.html())
                .param(
                        "writtenAt",
                        java.sql.Timestamp.from(post.editedAt() != null ? post.editedAt() : post.createdAt()))
                .update();
        jdbc.sql("UPDATE dialogue_post SET body = :body, body_html = :html, edited_at = now() WHERE id = :id")
                .param("body", body)
                .param("html", html)
                .param("id", post.id())
                .update();
    }

    /** After an edit in a pre-moderated session: the post waits for approval again. */
    void awaitApprovalAgain(PostId post) {
        jdbc.sql("UPDATE dialogue_post SET awaiting_approval = true, hidden_at = now() WHERE id = :id")
                .param("id", post.value())
                .update();
    }

    boolean softDelete(PostId post) {
        return jdbc.sql("UPDATE dialogue_post SET deleted_at = now() WHERE id = :id AND deleted_at IS NULL")
                        .param("id", post.value())
                        .update()
                == 1;
    }

    List<Revision> revisions(PostId post) {
        return jdbc.sql("SELECT body_html, written_at FROM dialogue_post_revision WHERE post_id = :post ORDER BY id")
                .param("post", post.value())
                .query((rs, n) -> new Revision(
                        rs.getString("body_html"), rs.getTimestamp("written_at").toInstant()))
                .list();
    }

    /** Adds the reaction, or takes it back if the person had already given it. */
    void toggleReaction(PostId post, long accountId, ReactionKind kind) {
        int removed = jdbc.sql(
                        "DELETE FROM dialogue_reaction WHERE post_id = :post AND account_id = :account AND kind = :kind")
                .param("post", post.value())
                .param("account", accountId)
                .param("kind", kind.name())
                .update();
        if (removed == 0) {
            jdbc.sql(
                            """
                            INSERT INTO dialogue_reaction (post_id, account_id, kind) VALUES (:post, :account, :kind)
                            ON CONFLICT DO NOTHING
                            """)
                    .param("post", post.value())
                    .param("account", accountId)
                    .param("kind", kind.name())
                    .update();
        }
    }

    /** Of these posts, those with flags no moderator has decided on yet. */
    Set<Long> underReview(Collection<Long> postIds) {
        if (postIds.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(
                jdbc.sql("SELECT DISTINCT post_id FROM dialogue_flag WHERE post_id IN (:ids) AND resolved_at IS NULL")
                        .param("ids", postIds)
                        .query(Long.class)
                        .list());
    }

    Map<Long, Map<ReactionKind, Integer>> reactionCounts(Collection<Long> postIds) {
        Map<Long, Map<ReactionKind, Integer>> counts = new HashMap<>();
        if (!postIds.isEmpty()) {
            jdbc.sql("SELECT post_id, kind, count(*) AS n FROM dialogue_reaction WHERE post_id IN (:ids) GROUP BY 1, 2")
                    .param("ids", List.copyOf(postIds))
                    .query((rs, n) -> {
                        counts.computeIfAbsent(rs.getLong("post_id"), k -> new EnumMap<>(ReactionKind.class))
                                .put(ReactionKind.valueOf(rs.getString("kind")), rs.getInt("n"));
                        return null;
                    })
                    .list();
        }
        return counts;
    }

    boolean hasUnpublishedThread(long sessionId, long reader) {
        // served by a partial index of the few threads not public: no scan of the session's threads
        return jdbc.sql(
                        """
                        SELECT EXISTS (SELECT 1 FROM dialogue_thread
                                        WHERE session_id = :session AND author_id = :reader
                                          AND (awaiting_approval OR hidden))
                        """)
                .param("session", sessionId)
                .param("reader", reader)
                .query(Boolean.class)
                .single();
    }

    /** What one reader has of their own among a thread's posts {@code from} to {@code to} (positions). */
    record ReaderMarks(Set<Long> ownPosts, Map<Long, Set<ReactionKind>> reactions, boolean awaitingOwnPost) {}

    /**
     * The reader's posts and reactions on a page of a thread, in one query: only rows that are theirs come back,
     * so a page of strangers' posts costs an index lookup and nothing else.
     */
    ReaderMarks readerMarks(long threadId, int from, int to, long reader) {
        Set<Long> own = new HashSet<>();
        Map<Long, Set<ReactionKind>> reactions = new HashMap<>();
        boolean[] awaiting = {false};
        jdbc.sql(
                        """
                        SELECT p.id, p.author_id = :reader AS own, p.awaiting_approval, r.kind
                          FROM dialogue_post p
                          LEFT JOIN dialogue_reaction r ON r.post_id = p.id AND r.account_id = :reader
                         WHERE p.thread_id = :thread AND p.position BETWEEN :from AND :to
                           AND (p.author_id = :reader OR r.account_id IS NOT NULL)
                        """)
                .param("reader", reader)
                .param("thread", threadId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> {
                    long post = rs.getLong("id");
                    if (rs.getBoolean("own")) {
                        own.add(post);
                        awaiting[0] |= rs.getBoolean("awaiting_approval");
                    }
                    String kind = rs.getString("kind");
                    if (kind != null) {
                        reactions
                                .computeIfAbsent(post, k -> EnumSet.noneOf(ReactionKind.class))
                                .add(ReactionKind.valueOf(kind));
                    }
                    return null;
                })
                .list();
        return new ReaderMarks(own, reactions, awaiting[0]);
    }

    Map<Long, Set<ReactionKind>> reactionsBy(long accountId, Collection<Long> postIds) {
        Map<Long, Set<ReactionKind>> mine = new HashMap<>();
        if (!postIds.isEmpty()) {
            jdbc.sql("SELECT post_id, kind FROM dialogue_reaction WHERE account_id = :account AND post_id IN (:ids)")
                    .param("account", accountId)
                    .param("ids", List.copyOf(postIds))
                    .query((rs, n) -> {
                        mine.computeIfAbsent(rs.getLong("post_id"), k -> EnumSet.noneOf(ReactionKind.class))
                                .add(ReactionKind.valueOf(rs.getString("kind")));
                        return null;
                    })
                    .list();
        }
        return mine;
    }

    /** Detaches a deleted account from everything it wrote. */
    void forgetAuthor(long accountId) {
        jdbc.sql("UPDATE dialogue_thread SET author_id = NULL WHERE author_id = :id")
                .param("id", accountId)
                .update();
        jdbc.sql("UPDATE dialogue_post SET author_id = NULL, idempotency_key = NULL WHERE author_id = :id")
                .param("id", accountId)
                .update();
        jdbc.sql("DELETE FROM dialogue_reaction WHERE account_id = :id")
                .param("id", accountId)
                .update();
        jdbc.sql("DELETE FROM dialogue_flag WHERE flagger_id = :id")
                .param("id", accountId)
                .update();
    }

    /** The language of a thread, from its title (or its opening post's language); empty if not yet known. */
    Optional<String> threadLanguage(long threadId) {
        return jdbc.sql("SELECT language FROM dialogue_thread WHERE id = :id AND language <> 'und'")
                .param("id", threadId)
                .query(String.class)
                .optional();
    }

    /** How many of the author's last posts are in each language: their habit, a prior for the next one's. */
    Map<String, Integer> recentPostLanguages(long authorId, long exceptPost, int last) {
        Map<String, Integer> languages = new HashMap<>();
        jdbc.sql(
                        """
                        SELECT language FROM dialogue_post
                        WHERE author_id = :author AND id <> :except AND deleted_at IS NULL AND language <> 'und'
                        ORDER BY id DESC LIMIT :last
                        """)
                .param("author", authorId)
                .param("except", exceptPost)
                .param("last", last)
                .query(String.class)
                .list()
                .forEach(language -> languages.merge(language, 1, Integer::sum));
        return languages;
    }

    /** Keeps the language of a post, and searches it with that language's text search configuration. */
    void setPostLanguage(long postId, String language, double confidence) {
        setLanguage("dialogue_post", postId, language, confidence);
    }

    private void setLanguage(String table, long id, String language, double confidence) {
        jdbc.sql("UPDATE " + table + " SET language = :l, language_confidence = :c,"
                        + " search_config = CAST(:config AS regconfig) WHERE id = :id")
                .param("l", language)
                .param("c", confidence)
                .param("config", org.polyphony.languages.TextSearchConfigurations.of(language))
                .param("id", id)
                .update();
    }

    private static ThreadRow threadRow(ResultSet rs, int n) throws SQLException {
        return new ThreadRow(
                rs.getLong("id"),
                rs.getLong("session_id"),
                rs.getString("title"),
                (Long) rs.getObject("author_id"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("last_activity_at").toInstant(),
                rs.getInt("posts_written"),
                rs.getInt("reply_count"),
                rs.getBoolean("awaiting_approval"),
                rs.getBoolean("hidden"),
                rs.getString("language"));
    }

    private static PostRow postRow(ResultSet rs, int n) throws SQLException {
        return new PostRow(
                rs.getLong("id"),
                rs.getLong("thread_id"),
                rs.getInt("position"),
                (Long) rs.getObject("parent_id"),
                (Long) rs.getObject("author_id"),
                rs.getString("body"),
                rs.getString("body_html"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "edited_at"),
                instant(rs, "deleted_at"),
                instant(rs, "hidden_at"),
                rs.getBoolean("awaiting_approval"),
                rs.getInt("depth"),
                rs.getString("language"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    record ThreadRow(
            long id,
            long sessionId,
            String title,
            Long authorId,
            Instant createdAt,
            Instant lastActivityAt,
            int postsWritten,
            int replyCount,
            boolean awaiting,
            boolean hidden,
            String language) {

        /** The keyset position of this thread in a list sorted by {@code sort}. */
        Cursor cursor(ThreadSort sort) {
            long value =
                    switch (sort) {
                        case LATEST -> micros(lastActivityAt);
                        case NEWEST, UNANSWERED -> micros(createdAt);
                        case REPLIES -> replyCount;
                    };
            return new Cursor(value, id);
        }

        private static long micros(Instant instant) {
            return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
        }
    }

    record PostRow(
            long id,
            long threadId,
            int position,
            Long parentId,
            Long authorId,
            String body,
            String html,
            Instant createdAt,
            Instant editedAt,
            Instant deletedAt,
            Instant hiddenAt,
            boolean awaiting,
            int depth,
            String language) {}

    /** A keyset position, written in URLs as "value.id". */
    record Cursor(long value, long id) {

        static Cursor parse(String text) {
            if (text == null || !text.matches("-?\\d{1,19}\\.\\d{1,19}")) {
                return null;
            }
            String[] parts = text.split("\\.");
            try {
                return new Cursor(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            } catch (NumberFormatException tooLarge) {
                return null;
            }
        }

        @Override
        public String toString() {
            return value + "." + id;
        }
    }
}
