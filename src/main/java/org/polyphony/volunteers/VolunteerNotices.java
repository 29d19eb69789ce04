package org.polyphony.volunteers;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.polyphony.accounts.AccountDeleted;
import org.polyphony.accounts.AccountId;
import org.polyphony.notifications.NotificationSource;
import org.polyphony.translation.LanguagePair;
import org.polyphony.translation.VolunteerQueue;
import org.polyphony.translation.Volunteers;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells volunteers who asked for it that texts wait in their pairs: at most one notice per look, and only when a
 * text came to wait after the last notice, so a queue that stays full does not repeat itself. Shown with the other
 * notifications and listed in the e-mail digest ({@link NotificationSource}). A notice names the pairs and a count,
 * never a text or its author.
 */
@Component
class VolunteerNotices implements NotificationSource {

    // how many waiting texts a notice counts at most ("20 or more" is enough to say)
    static final int COUNTED = 20;
    // one node at a time looks, so two nodes never tell the same volunteer twice
    private static final long LOCK = 0x766f6c756e7465L;

    private final JdbcClient jdbc;
    private final Volunteers volunteers;
    private final VolunteerQueue queue;
    private final MessageSource messages;

    VolunteerNotices(JdbcClient jdbc, Volunteers volunteers, VolunteerQueue queue, MessageSource messages) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.queue = queue;
        this.messages = messages;
    }

    /** Looks at every volunteer who asked to be told; returns how many were told. */
    @Scheduled(fixedDelayString = "${polyphony.volunteers.notice-every:PT10M}", initialDelayString = "PT2M")
    @Transactional
    public int tellWaiting() {
        boolean locked = jdbc.sql("SELECT pg_try_advisory_xact_lock(:k)")
                .param("k", LOCK)
                .query(Boolean.class)
                .single();
        if (!locked) {
            return 0;
        }
        int told = 0;
        for (AccountId volunteer : volunteers.toldWhenWaiting()) {
            if (tell(volunteer)) {
                told++;
            }
        }
        return told;
    }

    private boolean tell(AccountId volunteer) {
        List<VolunteerQueue.Item> waiting =
                queue.waiting(volunteers.choices(volunteer).pairs(), COUNTED);
        if (waiting.isEmpty()) {
            return false;
        }
        Instant newest = waiting.stream()
                .map(VolunteerQueue.Item::updatedAt)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        Optional<Instant> lastTold = jdbc.sql("SELECT max(newest_at) FROM volunteers_notice WHERE account_id = :a")
                .param("a", volunteer.value())
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
        if (lastTold.isPresent() && !newest.isAfter(lastTold.get())) {
            return false;
        }
        Set<String> pairs = new LinkedHashSet<>();
        waiting.forEach(item -> pairs.add(new LanguagePair(item.source(), item.target()).toString()));
        jdbc.sql(
                        """
                        INSERT INTO volunteers_notice (account_id, waiting, pairs, newest_at)
                        VALUES (:a, :w, :p, :n)
                        """)
                .param("a", volunteer.value())
                .param("w", waiting.size())
                .param("p", String.join(" ", pairs))
                .param("n", Timestamp.from(newest))
                .update();
        return true;
    }

    @Override
    public int unread(AccountId account) {
        return jdbc.sql("SELECT count(*) FROM volunteers_notice WHERE account_id = :a AND read_at IS NULL")
                .param("a", account.value())
                .query(Long.class)
                .single()
                .intValue();
    }

    @Override
    public List<Item> latest(AccountId account, Locale locale, int limit) {
        return jdbc.sql(
                        """
                        SELECT waiting, pairs, created_at, read_at IS NULL FROM volunteers_notice
                         WHERE account_id = :a ORDER BY created_at DESC, id DESC LIMIT :n
                        """)
                .param("a", account.value())
                .param("n", limit)
                .query((rs, n) ->
                        item(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4), locale))
                .list();
    }

    @Override
    @Transactional
    public void markAllRead(AccountId account) {
        jdbc.sql("UPDATE volunteers_notice SET read_at = now() WHERE account_id = :a AND read_at IS NULL")
                .param("a", account.value())
                .update();
    }

    @Override
    public List<Item> since(AccountId account, Instant since, Locale locale) {
        return jdbc.sql(
                        """
                        SELECT waiting, pairs, created_at, read_at IS NULL FROM volunteers_notice
                         WHERE account_id = :a AND created_at > :since ORDER BY created_at, id LIMIT 50
                        """)
                .param("a", account.value())
                .param("since", Timestamp.from(since))
                .query((rs, n) ->
                        item(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4), locale))
                .list();
    }

    private Item item(int waiting, String pairs, Instant at, boolean unread, Locale locale) {
        String named = java.util.Arrays.stream(pairs.split(" "))
                .map(pair -> pair.split("→"))
                .map(pair -> messages.getMessage(
                        "volunteers.pair",
                        new Object[] {languageName(pair[0], locale), languageName(pair[1], locale)},
                        locale))
                .collect(Collectors.joining(", "));
        String key = waiting >= COUNTED ? "volunteers.notice.waitingMany" : "volunteers.notice.waiting";
        String text = messages.getMessage(key, new Object[] {waiting, named}, locale);
        return new Item(text, "/translation/queue", at, unread);
    }

    private static String languageName(String tag, Locale locale) {
        String name = Locale.forLanguageTag(tag).getDisplayLanguage(locale);
        return name.isEmpty() ? tag : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    @EventListener
    void forget(AccountDeleted deleted) {
        jdbc.sql("DELETE FROM volunteers_notice WHERE account_id = :a")
                .param("a", deleted.account().value())
                .update();
    }
}
