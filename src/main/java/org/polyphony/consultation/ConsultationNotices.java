package org.polyphony.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountId;
import org.polyphony.notifications.NotificationSource;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "Your comment was handled" in the notifications page, the count in the navigation and the e-mail digest: the
 * notices the drafting team's decisions leave in {@code consultation_notice}, read through the notifications
 * module's {@link NotificationSource}.
 */
@Component
class ConsultationNotices implements NotificationSource {

    private static final String SELECT =
            """
            SELECT n.created_at, n.read_at, h.decision, k.title
              FROM consultation_notice n
              JOIN consultation_handling h ON h.comment_id = n.comment_id
              JOIN consultation_comment c ON c.id = n.comment_id
              JOIN consultation_round r ON r.id = c.round_id
              JOIN consultation_consultation k ON k.id = r.consultation_id
             WHERE n.account_id = :a
            """;

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ConsultationNotices(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public int unread(AccountId account) {
        return jdbc.sql("SELECT count(*) FROM consultation_notice WHERE account_id = :a AND read_at IS NULL")
                .param("a", account.value())
                .query(Integer.class)
                .single();
    }

    @Override
    public List<Item> latest(AccountId account, Locale locale, int limit) {
        return jdbc.sql(SELECT + " ORDER BY n.created_at DESC LIMIT :limit")
                .param("a", account.value())
                .param("limit", limit)
                .query((rs, n) -> item(rs, locale))
                .list();
    }

    @Override
    public void markAllRead(AccountId account) {
        jdbc.sql("UPDATE consultation_notice SET read_at = now() WHERE account_id = :a AND read_at IS NULL")
                .param("a", account.value())
                .update();
    }

    @Override
    public List<Item> since(AccountId account, Instant since, Locale locale) {
        return jdbc.sql(SELECT + " AND n.created_at > :since ORDER BY n.created_at")
                .param("a", account.value())
                .param("since", java.sql.Timestamp.from(since))
                .query((rs, n) -> item(rs, locale))
                .list();
    }

    private Item item(ResultSet rs, Locale locale) throws SQLException {
        String decision = messages.getMessage("consultation.decision." + rs.getString("decision"), null, locale);
        String text = messages.getMessage(
                "consultation.notice.handled", new Object[] {rs.getString("title"), decision}, locale);
        return new Item(
                text,
                "/consultations/mine",
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("read_at") == null);
    }
}
