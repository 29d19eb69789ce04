package org.polyphony.followup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountId;
import org.polyphony.notifications.NotificationSource;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who follows which recommendation or commitment, and what they are told: a new update, a reaction to one, a
 * verification, and a due date passed without an update. The notices appear on the notifications page and in the
 * digest through {@link NotificationSource}.
 */
@Component
class FollowupNotices implements NotificationSource {

    enum Target {
        RECOMMENDATION,
        COMMITMENT
    }

    enum Kind {
        UPDATE,
        OVERDUE,
        REACTION,
        VERIFIED
    }

    private final JdbcClient jdbc;
    private final MessageSource messages;

    FollowupNotices(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    boolean follows(AccountId account, Target target, long id) {
        return jdbc.sql(
                                "SELECT count(*) FROM followup_follow WHERE account_id = :a AND target_kind = :k AND target_id = :id")
                        .param("a", account.value())
                        .param("k", target.name())
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void follow(AccountId account, Target target, long id) {
        jdbc.sql("INSERT INTO followup_follow VALUES (:a, :k, :id) ON CONFLICT DO NOTHING")
                .param("a", account.value())
                .param("k", target.name())
                .param("id", id)
                .update();
    }

    /** Follows, or stops following; returns whether the person now follows. */
    @Transactional
    boolean toggle(AccountId account, Target target, long id) {
        int removed = jdbc.sql(
                        "DELETE FROM followup_follow WHERE account_id = :a AND target_kind = :k AND target_id = :id")
                .param("a", account.value())
                .param("k", target.name())
                .param("id", id)
                .update();
        if (removed == 0) {
            follow(account, target, id);
        }
        return removed == 0;
    }

    /**
     * Tells the followers of the commitment and of its recommendation, except whoever caused it, in the same
     * transaction as what they are told about.
     */
    void tell(Kind kind, long commitment, AccountId except) {
        jdbc.sql(
                        """
                        INSERT INTO followup_notification (account_id, kind, commitment_id, title)
                        SELECT DISTINCT f.account_id, :kind, c.id, r.title
                          FROM followup_commitment c
                          JOIN followup_recommendation r ON r.id = c.recommendation_id
                          JOIN followup_follow f
                            ON (f.target_kind = 'COMMITMENT' AND f.target_id = c.id)
                            OR (f.target_kind = 'RECOMMENDATION' AND f.target_id = r.id)
                         WHERE c.id = :c AND f.account_id <> :except
                        """)
                .param("kind", kind.name())
                .param("c", commitment)
                .param("except", except == null ? -1L : except.value())
                .update();
    }

    /**
     * Tells followers of commitments whose due date passed without any update since it was made, once per
     * commitment. One statement claims them, so two nodes never tell twice.
     */
    @Scheduled(fixedDelayString = "${polyphony.followup.overdue-check-every:PT1H}", initialDelayString = "PT3M")
    @Transactional
    int noticeOverdue() {
        List<Long> overdue = jdbc.sql(
                        """
                        UPDATE followup_commitment c SET overdue_noticed = true
                         WHERE NOT overdue_noticed AND due_on < current_date
                           AND NOT EXISTS (SELECT 1 FROM followup_update u WHERE u.commitment_id = c.id
                                            AND u.level IN ('COMPLETE', 'WITHDRAWN'))
                        RETURNING id
                        """)
                .query(Long.class)
                .list();
        overdue.forEach(id -> tell(Kind.OVERDUE, id, null));
        return overdue.size();
    }

    @Override
    public int unread(AccountId account) {
        return jdbc.sql("SELECT count(*) FROM followup_notification WHERE account_id = :a AND read_at IS NULL")
                .param("a", account.value())
                .query(Long.class)
                .single()
                .intValue();
    }

    @Override
    public List<Item> latest(AccountId account, Locale locale, int limit) {
        return jdbc.sql(
                        """
                        SELECT kind, commitment_id, title, created_at, read_at IS NULL AS unread
                          FROM followup_notification WHERE account_id = :a ORDER BY created_at DESC, id DESC LIMIT :n
                        """)
                .param("a", account.value())
                .param("n", limit)
                .query((rs, n) -> item(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5),
                        locale))
                .list();
    }

    @Override
    @Transactional
    public void markAllRead(AccountId account) {
        jdbc.sql("UPDATE followup_notification SET read_at = now() WHERE account_id = :a AND read_at IS NULL")
                .param("a", account.value())
                .update();
    }

    @Override
    public List<Item> since(AccountId account, Instant since, Locale locale) {
        return jdbc.sql(
                        """
                        SELECT kind, commitment_id, title, created_at, read_at IS NULL FROM followup_notification
                         WHERE account_id = :a AND created_at > :since ORDER BY created_at, id LIMIT 50
                        """)
                .param("a", account.value())
                .param("since", Timestamp.from(since))
                .query((rs, n) -> item(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5),
                        locale))
                .list();
    }

    private Item item(String kind, long commitment, String title, Instant at, boolean unread, Locale locale) {
        String text = messages.getMessage(
                "followup.notice." + kind, new Object[] {"\u2068" + title + "\u2069"}, kind, locale);
        return new Item(text, "/followup/commitments/" + commitment, at, unread);
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        jdbc.sql("DELETE FROM followup_notification WHERE account_id = :a")
                .param("a", deleted.account().value())
                .update();
        jdbc.sql("DELETE FROM followup_follow WHERE account_id = :a")
                .param("a", deleted.account().value())
                .update();
        // updates and reactions stay: they speak for an organisation, not for the person who typed them
        jdbc.sql("UPDATE followup_update SET author_id = NULL WHERE author_id = :a")
                .param("a", deleted.account().value())
                .update();
        jdbc.sql("UPDATE followup_reaction SET author_id = NULL WHERE author_id = :a")
                .param("a", deleted.account().value())
                .update();
        jdbc.sql("UPDATE followup_commitment SET created_by = NULL WHERE created_by = :a")
                .param("a", deleted.account().value())
                .update();
    }
}
