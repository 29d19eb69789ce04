package org.polyphony.skills;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountId;
import org.polyphony.notifications.NotificationSource;
import org.polyphony.people.OrganisationRoles;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "A new message under your candidate number" for the worker, "a candidate answered" for the organisation's
 * admins: in the notifications page, the navigation's count and the digest. A notice names the number and the
 * opportunity, never the worker.
 */
@Component
class ConversationNotices implements NotificationSource {

    /** Conversations with messages from the other side, the side given by the account's place in them. */
    private static final String CONVERSATIONS =
            """
            SELECT c.id, c.opportunity_id, c.number, o.title, max(m.created_at) AS last,
                   bool_or(m.created_at > CASE WHEN :worker THEN c.worker_read_at ELSE c.organisation_read_at END)
                       AS unread
              FROM skills_conversation c
              JOIN skills_opportunity o ON o.id = c.opportunity_id
              JOIN skills_conversation_message m ON m.conversation_id = c.id AND m.from_worker = NOT :worker
             WHERE CASE WHEN :worker
                        THEN c.profile_id IN (SELECT id FROM skills_profile WHERE account_id = :a)
                        ELSE o.organisation_id = ANY (:orgs)
                   END
             GROUP BY c.id, c.opportunity_id, c.number, o.title
            """;

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final OrganisationRoles organisations;

    ConversationNotices(JdbcClient jdbc, MessageSource messages, OrganisationRoles organisations) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.organisations = organisations;
    }

    private Long[] administered(AccountId account) {
        return organisations.administeredBy(account).stream()
                .map(o -> o.id().value())
                .toArray(Long[]::new);
    }

    @Override
    public int unread(AccountId account) {
        return (int) (items(account, true, Locale.ENGLISH).stream()
                        .filter(Item::unread)
                        .count()
                + items(account, false, Locale.ENGLISH).stream()
                        .filter(Item::unread)
                        .count());
    }

    @Override
    public List<Item> latest(AccountId account, Locale locale, int limit) {
        List<Item> all = new ArrayList<>(items(account, true, locale));
        all.addAll(items(account, false, locale));
        return all.stream()
                .sorted(Comparator.comparing(Item::at).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public void markAllRead(AccountId account) {
        jdbc.sql(
                        """
                        UPDATE skills_conversation SET worker_read_at = now()
                         WHERE profile_id IN (SELECT id FROM skills_profile WHERE account_id = :a)
                        """)
                .param("a", account.value())
                .update();
        jdbc.sql(
                        """
                        UPDATE skills_conversation SET organisation_read_at = now()
                         WHERE opportunity_id IN (SELECT id FROM skills_opportunity WHERE organisation_id = ANY (:orgs))
                        """)
                .param("orgs", administered(account))
                .update();
    }

    @Override
    public List<Item> since(AccountId account, Instant since, Locale locale) {
        return latest(account, locale, 200).stream()
                .filter(item -> item.at().isAfter(since))
                .sorted(Comparator.comparing(Item::at))
                .toList();
    }

    private List<Item> items(AccountId account, boolean worker, Locale locale) {
        return jdbc.sql(CONVERSATIONS + " ORDER BY last DESC LIMIT 50")
                .param("worker", worker)
                .param("a", account.value())
                .param("orgs", worker ? new Long[0] : administered(account))
                .query((rs, n) -> item(rs, worker, locale))
                .list();
    }

    private Item item(ResultSet rs, boolean worker, Locale locale) throws SQLException {
        String number = rs.getString("number");
        String text = messages.getMessage(
                worker ? "skills.conversation.notice.worker" : "skills.conversation.notice.organisation",
                new Object[] {number, rs.getString("title")},
                locale);
        String href = worker
                ? "/skills/conversations/" + rs.getLong("id")
                : "/skills/opportunities/" + rs.getLong("opportunity_id") + "/candidates/" + number + "/messages";
        Timestamp last = rs.getTimestamp("last");
        return new Item(text, href, last.toInstant(), rs.getBoolean("unread"));
    }
}
