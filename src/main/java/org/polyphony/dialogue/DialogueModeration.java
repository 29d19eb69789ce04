package org.polyphony.dialogue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.ModerationViews.LogEntry;
import org.polyphony.dialogue.ModerationViews.QueueItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;

/**
 * Flags, the moderation queue and its audit log. A post flagged by as many different people as its edition's
 * threshold is hidden at once, until a moderator restores it or confirms the hiding. Every moderator action, and
 * every automatic hiding, is logged with who, when and why.
 */
@Service
class DialogueModeration {

    enum Action {
        HIDE,
        RESTORE,
        DISMISS,
        AUTO_HIDE,
        APPROVE,
        REJECT
    }

    private final JdbcClient jdbc;
    private final AccountDirectory accounts;

    DialogueModeration(JdbcClient jdbc, AccountDirectory accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Records a flag (once per person and post) and hides the post when the threshold is reached. */
    @Transactional
    void flag(PostId post, AccountId flagger, FlagForm form, int threshold, Errors errors) {
        Long author = jdbc.sql("SELECT author_id FROM dialogue_post WHERE id = :id AND deleted_at IS NULL")
                .param("id", post.value())
                .query(Long.class)
                .optional()
                .orElseThrow(DialogueManagement.NotFound::new);
        if (author != null && author == flagger.value()) {
            errors.reject("flag.own");
        }
        if (errors.hasErrors()) {
            return;
        }
        jdbc.sql(
                        """
                        INSERT INTO dialogue_flag (post_id, flagger_id, reason, note)
                        VALUES (:post, :flagger, :reason, :note)
                        ON CONFLICT (post_id, flagger_id) DO UPDATE
                           SET reason = EXCLUDED.reason, note = EXCLUDED.note, resolved_at = NULL
                        """)
                .param("post", post.value())
                .param("flagger", flagger.value())
                .param("reason", form.reason().name())
                .param(
                        "note",
                        form.note() == null || form.note().isBlank()
                                ? null
                                : form.note().strip())
                .update();
        long flaggers = jdbc.sql(
                        "SELECT count(DISTINCT flagger_id) FROM dialogue_flag WHERE post_id = :id AND resolved_at IS NULL")
                .param("id", post.value())
                .query(Long.class)
                .single();
        if (flaggers >= threshold && hide(post)) {
            recountRepliesOfThreadOf(post);
            log(post, null, Action.AUTO_HIDE, flaggers + " flags");
        }
    }

    @Transactional
    void act(PostId post, AccountId moderator, Action action, String reason) {
        switch (action) {
            case HIDE -> hide(post);
            case RESTORE, DISMISS -> {
                jdbc.sql("UPDATE dialogue_post SET hidden_at = NULL WHERE id = :id")
                        .param("id", post.value())
                        .update();
                resolveFlags(post);
            }
            case AUTO_HIDE -> throw new AccessDeniedException("automatic only");
            // approval itself (showing and announcing the post) is the dialogue's; here only the log
            case APPROVE -> requireAwaiting(post);
            case REJECT -> {
                requireAwaiting(post);
                jdbc.sql("UPDATE dialogue_post SET awaiting_approval = false WHERE id = :id")
                        .param("id", post.value())
                        .update();
            }
        }
        if (action == Action.HIDE) {
            resolveFlags(post);
        }
        recountRepliesOfThreadOf(post);
        log(post, moderator, action, reason);
    }

    java.util.Optional<AccountId> authorOf(PostId post) {
        return jdbc.sql("SELECT author_id FROM dialogue_post WHERE id = :id AND author_id IS NOT NULL")
                .param("id", post.value())
                .query(Long.class)
                .optional()
                .map(AccountId::new);
    }

    /** Hides every visible post of {@code author}, each with its own line in the log. */
    @Transactional
    void hideAllBy(AccountId author, AccountId moderator, String reason) {
        List<Long> posts = jdbc.sql("UPDATE dialogue_post SET hidden_at = now() WHERE author_id = :author"
                        + " AND hidden_at IS NULL AND deleted_at IS NULL RETURNING id")
                .param("author", author.value())
                .query(Long.class)
                .list();
        posts.forEach(id -> {
            recountRepliesOfThreadOf(new PostId(id));
            log(new PostId(id), moderator, Action.HIDE, reason);
        });
    }

    List<QueueItem> queue() {
        var rows = jdbc.sql(
                        """
                        SELECT p.id, p.thread_id, p.position, p.author_id, p.body_html, p.hidden_at IS NOT NULL AS hidden,
                               t.title, p.awaiting_approval AS awaiting,
                               count(f.id) FILTER (WHERE f.resolved_at IS NULL) AS flags,
                               coalesce(string_agg(f.reason, ',') FILTER (WHERE f.resolved_at IS NULL), '') AS reasons,
                               coalesce(string_agg(f.note, chr(31)) FILTER (WHERE f.resolved_at IS NULL), '') AS notes
                          FROM dialogue_post p
                          JOIN dialogue_thread t ON t.id = p.thread_id
                          LEFT JOIN dialogue_flag f ON f.post_id = p.id
                         WHERE p.deleted_at IS NULL
                         GROUP BY p.id, t.title
                        HAVING count(f.id) FILTER (WHERE f.resolved_at IS NULL) > 0 OR p.awaiting_approval
                         ORDER BY p.awaiting_approval DESC, (p.hidden_at IS NOT NULL) DESC, count(f.id) DESC, p.id
                         LIMIT 200
                        """)
                .query((rs, n) -> new Object[] {
                    rs.getLong("id"), rs.getLong("thread_id"), rs.getInt("position"), rs.getObject("author_id"),
                    rs.getString("body_html"), rs.getBoolean("hidden"), rs.getString("title"), rs.getInt("flags"),
                    rs.getString("reasons"), rs.getString("notes"), rs.getBoolean("awaiting")
                })
                .list();
        Map<AccountId, String> names = accounts.displayNames(rows.stream()
                .map(r -> (Long) r[3])
                .filter(id -> id != null)
                .map(AccountId::new)
                .collect(Collectors.toSet()));
        return rows.stream()
                .map(r -> new QueueItem(
                        (long) r[0],
                        (long) r[1],
                        (int) r[2],
                        (String) r[6],
                        r[3] == null ? null : names.get(new AccountId((Long) r[3])),
                        (String) r[4],
                        (boolean) r[5],
                        (int) r[7],
                        ((String) r[8]).isEmpty()
                                ? List.of()
                                : Arrays.stream(((String) r[8]).split(","))
                                        .distinct()
                                        .map(FlagReason::valueOf)
                                        .toList(),
                        ((String) r[9]).isEmpty() ? List.of() : List.of(((String) r[9]).split("\u001f")),
                        (boolean) r[10]))
                .toList();
    }

    List<LogEntry> log() {
        var rows = jdbc.sql(
                        """
                        SELECT l.post_id, l.moderator_id, l.action, l.reason, l.created_at,
                               p.hidden_at IS NOT NULL AND p.deleted_at IS NULL AS hidden_now
                          FROM dialogue_moderation_log l LEFT JOIN dialogue_post p ON p.id = l.post_id
                         ORDER BY l.created_at DESC, l.id DESC LIMIT 500
                        """)
                .query((rs, n) -> new Object[] {
                    rs.getLong("post_id"),
                    rs.getObject("moderator_id"),
                    rs.getString("action"),
                    rs.getString("reason"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getBoolean("hidden_now")
                })
                .list();
        Map<AccountId, String> names = accounts.displayNames(rows.stream()
                .map(r -> (Long) r[1])
                .filter(id -> id != null)
                .map(AccountId::new)
                .collect(Collectors.toSet()));
        return rows.stream()
                .map(r -> new LogEntry(
                        (long) r[0],
                        r[1] == null ? null : names.get(new AccountId((Long) r[1])),
                        Action.AUTO_HIDE.name().equals(r[2]),
                        (String) r[2],
                        (String) r[3],
                        (java.time.Instant) r[4],
                        (boolean) r[5]))
                .toList();
    }

    private void requireAwaiting(PostId post) {
        boolean awaiting = jdbc.sql("SELECT awaiting_approval FROM dialogue_post WHERE id = :id AND deleted_at IS NULL")
                .param("id", post.value())
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (!awaiting) {
            throw new DialogueManagement.NotFound();
        }
    }

    private void recountRepliesOfThreadOf(PostId post) {
        jdbc.sql(
                        """
                        UPDATE dialogue_thread t SET reply_count = (
                            SELECT count(*) FROM dialogue_post p WHERE p.thread_id = t.id AND p.position > 1
                               AND p.deleted_at IS NULL AND p.hidden_at IS NULL)
                         WHERE t.id = (SELECT thread_id FROM dialogue_post WHERE id = :id)
                        """)
                .param("id", post.value())
                .update();
    }

    private boolean hide(PostId post) {
        return jdbc.sql("UPDATE dialogue_post SET hidden_at = now() WHERE id = :id AND hidden_at IS NULL")
                        .param("id", post.value())
                        .update()
                == 1;
    }

    private void resolveFlags(PostId post) {
        jdbc.sql("UPDATE dialogue_flag SET resolved_at = now() WHERE post_id = :id AND resolved_at IS NULL")
                .param("id", post.value())
                .update();
    }

    private void log(PostId post, AccountId moderator, Action action, String reason) {
        jdbc.sql(
                        """
                        INSERT INTO dialogue_moderation_log (post_id, moderator_id, action, reason)
                        VALUES (:post, :moderator, :action, :reason)
                        """)
                .param("post", post.value())
                .param("moderator", moderator == null ? null : moderator.value())
                .param("action", action.name())
                .param("reason", reason == null || reason.isBlank() ? null : reason.strip())
                .update();
    }
}
