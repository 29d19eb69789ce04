package org.polyphony.notifications;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.DialogueManagement;
import org.polyphony.dialogue.DialogueManagement.PublishedPost;
import org.polyphony.dialogue.PostPublished;
import org.polyphony.people.PartnershipChanged;
import org.polyphony.web.UnreadNotifications;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns published posts into notifications, in the same transaction as the post, so that a post never exists
 * without them: the author of the post answered (reply or quote), and everyone @mentioned. Authors follow the
 * threads they write in.
 */
@Service
class Notifications implements UnreadNotifications {

    /** "@" then up to four words of a display name; the longest that names someone wins. */
    private static final Pattern MENTION =
            Pattern.compile("(?<![\\p{L}\\p{Nd}])@([\\p{L}\\p{M}\\p{Nd}._'’-]+(?: [\\p{L}\\p{M}\\p{Nd}._'’-]+){0,3})");

    private final JdbcClient jdbc;
    private final DialogueManagement dialogue;
    private final AccountDirectory accounts;
    private final List<NotificationSource> sources;
    private final org.polyphony.web.ShortLivedCache unreadCounts =
            new org.polyphony.web.ShortLivedCache(java.time.Duration.ofSeconds(10));

    Notifications(
            JdbcClient jdbc, DialogueManagement dialogue, AccountDirectory accounts, List<NotificationSource> sources) {
        this.jdbc = jdbc;
        this.dialogue = dialogue;
        this.accounts = accounts;
        this.sources = sources;
    }

    /** Other modules' notifications, newest first. */
    List<NotificationSource.Item> others(AccountId account, java.util.Locale locale) {
        return sources.stream()
                .flatMap(source -> source.latest(account, locale, 50).stream())
                .sorted(java.util.Comparator.comparing(NotificationSource.Item::at)
                        .reversed())
                .toList();
    }

    @EventListener
    @Transactional
    void on(PostPublished published) {
        dialogue.published(published.post()).ifPresent(this::notifyAbout);
    }

    private void notifyAbout(PublishedPost post) {
        // one notification per person: a quote says most, then a mention, then a plain reply
        Map<Long, String> recipients = new LinkedHashMap<>();
        for (AccountId mentioned : mentions(post.body())) {
            recipients.put(mentioned.value(), "MENTION");
        }
        if (post.parentAuthorId() != null) {
            if (post.quotes()) {
                recipients.put(post.parentAuthorId(), "QUOTE");
            } else {
                recipients.putIfAbsent(post.parentAuthorId(), "REPLY");
            }
        }
        if (post.position() == 1) {
            // a new thread in a session someone follows: in the app and the feed too, not only in e-mail digests
            for (long follower : followersOf("SESSION", post.sessionId())) {
                recipients.putIfAbsent(follower, "FOLLOWED");
            }
        }
        if (post.authorId() != null) {
            recipients.remove(post.authorId());
            follow(new AccountId(post.authorId()), "THREAD", post.thread().value());
        }
        recipients.forEach((account, kind) -> jdbc.sql(
                        """
                        INSERT INTO notifications_notification (account_id, kind, post_id, thread_id, actor_id, thread_title)
                        VALUES (:account, :kind, :post, :thread, :actor, :title)
                        ON CONFLICT (account_id, post_id) DO NOTHING
                        """)
                .param("account", account)
                .param("kind", kind)
                .param("post", post.post().value())
                .param("thread", post.thread().value())
                .param("actor", post.authorId())
                .param("title", post.threadTitle())
                .update());
        recipients.keySet().forEach(account -> unreadCounts.forget(new AccountId(account)));
    }

    /**
     * A partnership asked for or decided: the admins of both organisations hear of it, in the app and in their
     * digest, each with a link to their own organisation's page where requests are answered.
     */
    @EventListener
    @Transactional
    void on(PartnershipChanged changed) {
        String kind = "PARTNERSHIP_" + changed.change().name();
        String title = changed.fromName() + " → " + changed.toName();
        Map<Long, String> links = new LinkedHashMap<>();
        changed.toAdmins().forEach(a -> links.put(a.value(), "/organisations/" + changed.toId() + "/manage"));
        changed.fromAdmins()
                .forEach(a -> links.putIfAbsent(a.value(), "/organisations/" + changed.fromId() + "/manage"));
        if (changed.actor() != null) {
            links.remove(changed.actor().value());
        }
        links.forEach((account, link) -> jdbc.sql(
                        """
                        INSERT INTO notifications_notification (account_id, kind, actor_id, thread_title, link)
                        VALUES (:account, :kind, :actor, :title, :link)
                        """)
                .param("account", account)
                .param("kind", kind)
                .param("actor", changed.actor() == null ? null : changed.actor().value())
                .param("title", title)
                .param("link", link)
                .update());
        links.keySet().forEach(account -> unreadCounts.forget(new AccountId(account)));
    }

    private List<Long> followersOf(String type, long target) {
        return jdbc.sql("SELECT account_id FROM notifications_follow WHERE target_type = :t AND target_id = :id")
                .param("t", type)
                .param("id", target)
                .query(Long.class)
                .list();
    }

    List<AccountId> mentions(String body) {
        Matcher matcher = MENTION.matcher(body.replaceAll("(?m)^>.*$", ""));
        List<AccountId> found = new java.util.ArrayList<>();
        // at most this many @-names per post: enough for a conversation, too few to spam or to stall the thread
        int candidates = 0;
        while (matcher.find() && candidates++ < 20) {
            String[] words = matcher.group(1).split(" ");
            for (int length = words.length; length > 0; length--) {
                String candidate =
                        String.join(" ", java.util.Arrays.copyOf(words, length)).replaceAll("[.,;:!?]+$", "");
                Optional<AccountId> account = accounts.withDisplayName(candidate);
                if (account.isPresent()) {
                    if (!found.contains(account.get())) {
                        found.add(account.get());
                    }
                    break;
                }
            }
        }
        return found;
    }

    void follow(AccountId account, String type, long target) {
        jdbc.sql(
                        """
                        INSERT INTO notifications_follow (account_id, target_type, target_id) VALUES (:a, :t, :id)
                        ON CONFLICT DO NOTHING
                        """)
                .param("a", account.value())
                .param("t", type)
                .param("id", target)
                .update();
    }

    /** Follows, or stops following; returns whether the person now follows. */
    @Transactional
    boolean toggleFollow(AccountId account, String type, long target) {
        int removed = jdbc.sql(
                        "DELETE FROM notifications_follow WHERE account_id = :a AND target_type = :t AND target_id = :id")
                .param("a", account.value())
                .param("t", type)
                .param("id", target)
                .update();
        if (removed == 0) {
            follow(account, type, target);
        }
        return removed == 0;
    }

    boolean follows(AccountId account, String type, long target) {
        return jdbc.sql(
                                "SELECT count(*) FROM notifications_follow WHERE account_id = :a AND target_type = :t AND target_id = :id")
                        .param("a", account.value())
                        .param("t", type)
                        .param("id", target)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<NotificationView> latest(AccountId account) {
        var rows = jdbc.sql(
                        """
                        SELECT id, kind, post_id, thread_title, actor_id, created_at, read_at IS NULL AS unread, link
                          FROM notifications_notification WHERE account_id = :a ORDER BY created_at DESC, id DESC LIMIT 100
                        """)
                .param("a", account.value())
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getObject(5),
                    rs.getTimestamp(6).toInstant(),
                    rs.getBoolean(7),
                    rs.getString(8)
                })
                .list();
        Map<AccountId, String> names = accounts.displayNames(rows.stream()
                .map(r -> (Long) r[4])
                .filter(id -> id != null)
                .map(AccountId::new)
                .collect(Collectors.toSet()));
        return rows.stream()
                .map(r -> new NotificationView(
                        (long) r[0],
                        (String) r[1],
                        (long) r[2],
                        (String) r[3],
                        r[4] == null ? null : names.get(new AccountId((Long) r[4])),
                        (java.time.Instant) r[5],
                        (boolean) r[6],
                        r[7] == null ? "/posts/" + r[2] : (String) r[7]))
                .toList();
    }

    @Transactional
    void markAllRead(AccountId account) {
        jdbc.sql("UPDATE notifications_notification SET read_at = now() WHERE account_id = :a AND read_at IS NULL")
                .param("a", account.value())
                .update();
        sources.forEach(source -> source.markAllRead(account));
        unreadCounts.forget(account);
    }

    @Override
    public int unread() {
        // counted for every page a participant opens: kept ten seconds, and forgotten when this node changes them
        return accounts.signedIn()
                .map(a -> (int) unreadCounts.get(a, () -> unread(a)))
                .orElse(0);
    }

    private int unread(AccountId a) {
        return jdbc.sql("SELECT count(*) FROM notifications_notification WHERE account_id = :a AND read_at IS NULL")
                        .param("a", a.value())
                        .query(Long.class)
                        .single()
                        .intValue()
                + sources.stream().mapToInt(source -> source.unread(a)).sum();
    }

    @Override
    public boolean follows(String type, long id) {
        return accounts.signedIn().map(a -> follows(a, type, id)).orElse(false);
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        long id = deleted.account().value();
        jdbc.sql("DELETE FROM notifications_notification WHERE account_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("UPDATE notifications_notification SET actor_id = NULL WHERE actor_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM notifications_follow WHERE account_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM notifications_digest WHERE account_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("DELETE FROM notifications_outbox WHERE account_id = :id")
                .param("id", id)
                .update();
    }
}
