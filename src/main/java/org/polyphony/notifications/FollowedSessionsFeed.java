package org.polyphony.notifications;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.polyphony.accounts.AccountId;
import org.polyphony.people.FeedItem;
import org.polyphony.people.FeedSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * New threads in the sessions a person follows, in their personal feed: the same events as their "wrote in"
 * notifications, so that a person without e-mail sees them too (the digest was the only place before).
 */
@Component
class FollowedSessionsFeed implements FeedSource {

    private final JdbcClient jdbc;

    FollowedSessionsFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Threads are followed through sessions, not through their authors. */
    @Override
    public List<FeedItem> recentBy(
            Collection<AccountId> authors, Instant before, int limit, List<String> readerLanguages) {
        return List.of();
    }

    @Override
    public List<FeedItem> recentFor(AccountId reader, Instant before, int limit, List<String> readerLanguages) {
        return jdbc.sql(
                        """
                        SELECT thread_id, actor_id, thread_title, created_at FROM notifications_notification
                         WHERE account_id = :reader AND kind = 'FOLLOWED' AND actor_id IS NOT NULL
                           AND created_at < CAST(:before AS timestamptz)
                         ORDER BY created_at DESC, id DESC LIMIT :limit
                        """)
                .param("reader", reader.value())
                .param("before", java.sql.Timestamp.from(before))
                .param("limit", limit)
                .query((rs, n) -> new FeedItem(
                        "safety.feed.kind.thread",
                        new AccountId(rs.getLong("actor_id")),
                        rs.getString("thread_title"),
                        "",
                        "/threads/" + rs.getLong("thread_id"),
                        rs.getTimestamp("created_at").toInstant(),
                        null))
                .list();
    }
}
