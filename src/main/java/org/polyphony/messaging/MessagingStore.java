package org.polyphony.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messaging tables, read and written with SQL. Callers check who may see or write what. */
@Repository
class MessagingStore {

    /** A message as stored; the sender is an account id. */
    record MessageRow(long id, long senderId, String body, Instant sentAt) {}

    record ConversationListRow(long id, Long otherId, Instant lastMessageAt, int unread) {}

    record ReportRow(
            long id,
            long conversationId,
            Long reporterId,
            Long reportedId,
            ReportReason reason,
            String note,
            long lastMessageId,
            Instant createdAt) {}

    record LogRow(Long moderatorId, String action, Long accountId, Integer days, String reason, Instant at) {}

    private final JdbcClient jdbc;

    MessagingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean accepts(long account) {
        return jdbc.sql("SELECT accepts_messages FROM messaging_setting WHERE account_id = :a")
                .param("a", account)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void setAccepts(long account, boolean accepts) {
        jdbc.sql(
                        """
                        INSERT INTO messaging_setting (account_id, accepts_messages) VALUES (:a, :on)
                        ON CONFLICT (account_id) DO UPDATE SET accepts_messages = EXCLUDED.accepts_messages,
                                                               updated_at = now()
                        """)
                .param("a", account)
                .param("on", accepts)
                .update();
    }

    boolean blocks(long blocker, long blocked) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM messaging_block WHERE blocker_id = :a AND blocked_id = :b)")
                .param("a", blocker)
                .param("b", blocked)
                .query(Boolean.class)
                .single();
    }

    void block(long blocker, long blocked) {
        jdbc.sql("INSERT INTO messaging_block (blocker_id, blocked_id) VALUES (:a, :b) ON CONFLICT DO NOTHING")
                .param("a", blocker)
                .param("b", blocked)
                .update();
    }

    void unblock(long blocker, long blocked) {
        jdbc.sql("DELETE FROM messaging_block WHERE blocker_id = :a AND blocked_id = :b")
                .param("a", blocker)
                .param("b", blocked)
                .update();
    }

    List<Long> blockedBy(long blocker) {
        return jdbc.sql("SELECT blocked_id FROM messaging_block WHERE blocker_id = :a ORDER BY created_at DESC")
                .param("a", blocker)
                .query(Long.class)
                .list();
    }

    /** The conversation of two people, created if they have none; safe when both write first at once. */
    long conversationOf(long one, long other) {
        String pair = Math.min(one, other) + ":" + Math.max(one, other);
        Optional<Long> created = jdbc.sql(
                        "INSERT INTO messaging_conversation (pair_key) VALUES (:pair) ON CONFLICT (pair_key) DO NOTHING"
                                + " RETURNING id")
                .param("pair", pair)
                .query(Long.class)
                .optional();
        if (created.isEmpty()) {
            return jdbc.sql("SELECT id FROM messaging_conversation WHERE pair_key = :pair")
                    .param("pair", pair)
                    .query(Long.class)
                    .single();
        }
        for (long account : List.of(one, other)) {
            jdbc.sql("INSERT INTO messaging_participant (conversation_id, account_id) VALUES (:c, :a)")
                    .param("c", created.get())
                    .param("a", account)
                    .update();
        }
        return created.get();
    }

    /** The accounts still taking part in a conversation (one, after the other deleted their account). */
    List<Long> participants(long conversation) {
        return jdbc.sql("SELECT account_id FROM messaging_participant WHERE conversation_id = :c ORDER BY account_id")
                .param("c", conversation)
                .query(Long.class)
                .list();
    }

    /** Adds a message; it counts as read by its sender. */
    long add(long conversation, long sender, String body) {
        long id = jdbc.sql(
                        """
                        INSERT INTO messaging_message (conversation_id, sender_id, body) VALUES (:c, :s, :body)
                        RETURNING id
                        """)
                .param("c", conversation)
                .param("s", sender)
                .param("body", body)
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE messaging_conversation SET last_message_at = now() WHERE id = :c")
                .param("c", conversation)
                .update();
        jdbc.sql("UPDATE messaging_participant SET last_read_message_id = :m WHERE conversation_id = :c"
                        + " AND account_id = :s")
                .param("m", id)
                .param("c", conversation)
                .param("s", sender)
                .update();
        return id;
    }

    /** The newest {@code limit} messages before {@code before} (all when null), oldest first. */
    List<MessageRow> messages(long conversation, Long before, int limit) {
        List<MessageRow> newestFirst = jdbc.sql(
                        """
                        SELECT id, sender_id, body, sent_at FROM messaging_message
                         WHERE conversation_id = :c AND (CAST(:before AS BIGINT) IS NULL OR id < :before)
                         ORDER BY id DESC LIMIT :limit
                        """)
                .param("c", conversation)
                .param("before", before)
                .param("limit", limit)
                .query((rs, n) -> new MessageRow(
                        rs.getLong("id"),
                        rs.getLong("sender_id"),
                        rs.getString("body"),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
        return newestFirst.reversed();
    }

    /** The messages a moderator may read for a report: the newest {@code limit} up to and including {@code upTo}. */
    List<MessageRow> messagesUpTo(long conversation, long upTo, int limit) {
        return messages(conversation, upTo + 1, limit);
    }

    long newestMessage(long conversation) {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM messaging_message WHERE conversation_id = :c")
                .param("c", conversation)
                .query(Long.class)
                .single();
    }

    /** Marks the conversation read by {@code account} up to message {@code upTo}, never back. */
    void markRead(long conversation, long account, long upTo) {
        jdbc.sql(
                        """
                        UPDATE messaging_participant SET last_read_message_id = greatest(last_read_message_id, :m)
                         WHERE conversation_id = :c AND account_id = :a
                        """)
                .param("m", upTo)
                .param("c", conversation)
                .param("a", account)
                .update();
    }

    private static final String CONVERSATIONS =
            """
            SELECT c.id, c.last_message_at,
                   (SELECT o.account_id FROM messaging_participant o
                     WHERE o.conversation_id = c.id AND o.account_id <> :a) AS other_id,
                   (SELECT count(*) FROM messaging_message m
                     WHERE m.conversation_id = c.id AND m.id > p.last_read_message_id
                       AND m.sender_id <> :a) AS unread
              FROM messaging_participant p JOIN messaging_conversation c ON c.id = p.conversation_id
             WHERE p.account_id = :a
             ORDER BY c.last_message_at DESC, c.id DESC
            """;

    /** A person's conversations, the most recently active first, with the other person and the unread count. */
    List<ConversationListRow> conversationsOf(long account, int limit) {
        return jdbc.sql(CONVERSATIONS + " LIMIT :limit")
                .param("a", account)
                .param("limit", limit)
                .query(MessagingStore::conversationListRow)
                .list();
    }

    /** All of a person's conversations, as {@link #conversationsOf(long, int)}: for their data download. */
    List<ConversationListRow> allConversationsOf(long account) {
        return jdbc.sql(CONVERSATIONS)
                .param("a", account)
                .query(MessagingStore::conversationListRow)
                .list();
    }

    private static ConversationListRow conversationListRow(ResultSet rs, int n) throws SQLException {
        return new ConversationListRow(
                rs.getLong("id"),
                rs.getObject("other_id", Long.class),
                rs.getTimestamp("last_message_at").toInstant(),
                rs.getInt("unread"));
    }

    int unread(long account) {
        return jdbc.sql(
                        """
                        SELECT count(*) FROM messaging_participant p
                          JOIN messaging_message m ON m.conversation_id = p.conversation_id
                         WHERE p.account_id = :a AND m.id > p.last_read_message_id AND m.sender_id <> :a
                        """)
                .param("a", account)
                .query(Integer.class)
                .single();
    }

    /** Files a report, or updates the reporter's open report on the same conversation. */
    void report(long conversation, long reporter, Long reported, ReportReason reason, String note, long upTo) {
        jdbc.sql(
                        """
                        INSERT INTO messaging_report (conversation_id, reporter_id, reported_id, reason, note,
                                                      last_message_id)
                        VALUES (:c, :reporter, :reported, :reason, :note, :upTo)
                        ON CONFLICT (conversation_id, reporter_id) WHERE resolved_at IS NULL DO UPDATE SET
                          reason = EXCLUDED.reason, note = EXCLUDED.note, last_message_id = EXCLUDED.last_message_id,
                          created_at = now()
                        """)
                .param("c", conversation)
                .param("reporter", reporter)
                .param("reported", reported)
                .param("reason", reason.name())
                .param("note", note.isEmpty() ? null : note)
                .param("upTo", upTo)
                .update();
    }

    List<ReportRow> openReports(int limit) {
        return jdbc.sql(
                        """
                        SELECT id, conversation_id, reporter_id, reported_id, reason, note, last_message_id, created_at
                          FROM messaging_report WHERE resolved_at IS NULL ORDER BY created_at, id LIMIT :limit
                        """)
                .param("limit", limit)
                .query(this::reportRow)
                .list();
    }

    Optional<ReportRow> openReport(long id) {
        return jdbc.sql(
                        """
                        SELECT id, conversation_id, reporter_id, reported_id, reason, note, last_message_id, created_at
                          FROM messaging_report WHERE id = :id AND resolved_at IS NULL FOR UPDATE
                        """)
                .param("id", id)
                .query(this::reportRow)
                .optional();
    }

    private ReportRow reportRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ReportRow(
                rs.getLong("id"),
                rs.getLong("conversation_id"),
                rs.getObject("reporter_id", Long.class),
                rs.getObject("reported_id", Long.class),
                ReportReason.valueOf(rs.getString("reason")),
                rs.getString("note"),
                rs.getLong("last_message_id"),
                rs.getTimestamp("created_at").toInstant());
    }

    void resolve(long report, long moderator, String action, Long account, Integer days, String reason) {
        jdbc.sql("UPDATE messaging_report SET resolved_at = now() WHERE id = :id")
                .param("id", report)
                .update();
        jdbc.sql(
                        """
                        INSERT INTO messaging_moderation_log (report_id, moderator_id, action, account_id,
                                                              suspended_days, reason)
                        VALUES (:report, :moderator, :action, :account, :days, :reason)
                        """)
                .param("report", report)
                .param("moderator", moderator)
                .param("action", action)
                .param("account", account)
                .param("days", days)
                .param("reason", reason.isEmpty() ? null : reason)
                .update();
    }

    List<LogRow> log(int limit) {
        return jdbc.sql(
                        """
                        SELECT moderator_id, action, account_id, suspended_days, reason, created_at
                          FROM messaging_moderation_log ORDER BY created_at DESC, id DESC LIMIT :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new LogRow(
                        rs.getObject("moderator_id", Long.class),
                        rs.getString("action"),
                        rs.getObject("account_id", Long.class),
                        rs.getObject("suspended_days", Integer.class),
                        rs.getString("reason"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    /**
     * Forgets a deleted account: its messages, settings, blocks and place in conversations; conversations nobody
     * is left in go entirely (with their reports). The other person keeps their own messages.
     */
    void forget(long account) {
        jdbc.sql("DELETE FROM messaging_message WHERE sender_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("DELETE FROM messaging_participant WHERE account_id = :a")
                .param("a", account)
                .update();
        jdbc.sql(
                        """
                        UPDATE messaging_conversation c SET pair_key = NULL
                         WHERE pair_key IS NOT NULL
                           AND (split_part(pair_key, ':', 1) = :key OR split_part(pair_key, ':', 2) = :key)
                        """)
                .param("key", String.valueOf(account))
                .update();
        jdbc.sql(
                        """
                        DELETE FROM messaging_conversation c
                         WHERE NOT EXISTS (SELECT 1 FROM messaging_participant p WHERE p.conversation_id = c.id)
                        """)
                .update();
        jdbc.sql("DELETE FROM messaging_setting WHERE account_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("DELETE FROM messaging_block WHERE blocker_id = :a OR blocked_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("UPDATE messaging_report SET reporter_id = NULL WHERE reporter_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("UPDATE messaging_report SET reported_id = NULL WHERE reported_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("UPDATE messaging_moderation_log SET moderator_id = NULL WHERE moderator_id = :a")
                .param("a", account)
                .update();
        jdbc.sql("UPDATE messaging_moderation_log SET account_id = NULL WHERE account_id = :a")
                .param("a", account)
                .update();
    }
}
