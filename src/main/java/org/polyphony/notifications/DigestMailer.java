package org.polyphony.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.polyphony.accounts.AccountDirectory;
import org.polyphony.accounts.AccountId;
import org.polyphony.dialogue.DialogueManagement;
import org.polyphony.dialogue.DialogueManagement.RecentPost;
import org.polyphony.languages.UiLanguage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mail digests that people asked for, in their interface language: the new messages in the threads and
 * sessions they follow. Due digests are rows claimed with {@code FOR UPDATE SKIP LOCKED}, so several application
 * nodes share the work without sending twice. Without an SMTP server (no {@code spring.mail.host}), or when it
 * fails, the mail goes to the outbox table and is retried: nothing is lost.
 */
@Component
class DigestMailer {

    private static final Logger log = LoggerFactory.getLogger(DigestMailer.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DialogueManagement dialogue;
    private final AccountDirectory accounts;
    private final MessageSource messages;
    private final ObjectProvider<JavaMailSender> mail;
    private final String baseUrl;
    private final String from;
    private final List<NotificationSource> sources;

    DigestMailer(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            DialogueManagement dialogue,
            AccountDirectory accounts,
            MessageSource messages,
            ObjectProvider<JavaMailSender> mail,
            @Value("${polyphony.base-url:http://localhost:8080}") String baseUrl,
            @Value("${polyphony.mail.from:polyphony@localhost}") String from,
            List<NotificationSource> sources) {
        this.sources = sources;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dialogue = dialogue;
        this.accounts = accounts;
        this.messages = messages;
        this.mail = mail;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.from = from;
    }

    /** Sends every digest that is due, in small batches; returns how many were composed. */
    @Scheduled(fixedDelayString = "${polyphony.digest.check-every:PT15M}", initialDelayString = "PT2M")
    int sendDue() {
        int composed = 0;
        Integer batch;
        do {
            batch = transactions.execute(status -> sendBatch(20));
            composed += batch == null ? 0 : batch;
        } while (batch != null && batch > 0);
        retryOutbox();
        return composed;
    }

    private int sendBatch(int size) {
        List<Object[]> due = jdbc.sql(
                        """
                        SELECT account_id, frequency, covered_until FROM notifications_digest
                         WHERE (frequency = 'DAILY' AND last_sent <= now() - interval '1 day')
                            OR (frequency = 'WEEKLY' AND last_sent <= now() - interval '7 days')
                         ORDER BY last_sent
                         LIMIT :size
                         FOR UPDATE SKIP LOCKED
                        """)
                .param("size", size)
                .query((rs, n) -> new Object[] {
                    rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()
                })
                .list();
        for (Object[] row : due) {
            AccountId account = new AccountId((long) row[0]);
            Instant sentUpTo = compose(account, (Instant) row[2]);
            jdbc.sql("UPDATE notifications_digest SET last_sent = now(), covered_until = :upTo WHERE account_id = :a")
                    .param("upTo", java.sql.Timestamp.from(sentUpTo))
                    .param("a", account.value())
                    .update();
        }
        return due.size();
    }

    /**
     * Composes and sends one digest; returns the moment it covers up to: now, or the last listed post's time when
     * the digest was full, so the rest follows in the next one instead of being skipped.
     */
    private Instant compose(AccountId account, Instant since) {
        // taken before reading posts, so that none published meanwhile falls between two digests
        Instant asOf = Instant.now();
        var contact = accounts.contact(account)
                .filter(c -> c.email() != null && !c.email().isBlank());
        if (contact.isEmpty()) {
            return asOf;
        }
        List<Long> threads = followed(account, "THREAD");
        List<Long> sessions = followed(account, "SESSION");
        Locale locale = UiLanguage.fromTag(contact.get().uiLanguage())
                .orElse(UiLanguage.DEFAULT)
                .locale();
        List<RecentPost> posts = dialogue.since(threads, sessions, since, account, locale.getLanguage());
        List<String[]> partnerships = partnershipNews(account, since, asOf);
        List<NotificationSource.Item> others = sources.stream()
                .flatMap(source -> source.since(account, since, locale).stream())
                .toList();
        if (posts.isEmpty() && partnerships.isEmpty() && others.isEmpty()) {
            return asOf;
        }
        StringBuilder body = new StringBuilder(messages.getMessage(
                        "digest.greeting", new Object[] {contact.get().displayName()}, locale))
                .append("\n\n");
        for (String[] news : partnerships) {
            body.append(messages.getMessage("safety.digest." + news[0], new Object[] {news[1]}, locale))
                    .append("\n  ")
                    .append(baseUrl)
                    .append(news[2])
                    .append("\n");
        }
        long lastThread = -1;
        for (RecentPost post : posts) {
            if (post.thread().value() != lastThread) {
                body.append("\n").append(post.threadTitle()).append("\n");
                lastThread = post.thread().value();
            }
            body.append("  #")
                    .append(post.position())
                    .append(" ")
                    .append(post.author() == null ? "—" : post.author())
                    .append(": ")
                    .append(post.excerpt())
                    .append(
                            post.translatedFrom() == null
                                    ? ""
                                    : " ("
                                            + messages.getMessage(
                                                    "digest.translatedFrom",
                                                    new Object[] {
                                                        Locale.forLanguageTag(post.translatedFrom())
                                                                .getDisplayLanguage(locale)
                                                    },
                                                    locale)
                                            + ")")
                    .append("\n")
                    .append("  ")
                    .append(baseUrl)
                    .append("/threads/")
                    .append(post.thread().value())
                    .append("#post-")
                    .append(post.position())
                    .append("\n");
        }
        if (!others.isEmpty()) {
            body.append("\n");
        }
        for (NotificationSource.Item item : others) {
            body.append("  ")
                    .append(item.text())
                    .append("\n  ")
                    .append(baseUrl)
                    .append(item.href())
                    .append("\n");
        }
        body.append("\n")
                .append(messages.getMessage("digest.footer", new Object[] {baseUrl + "/notifications"}, locale));
        String subject = posts.isEmpty() && others.isEmpty()
                ? messages.getMessage("safety.digest.subject.partnerships", null, locale)
                : messages.getMessage("digest.subject", new Object[] {posts.size() + others.size()}, locale);
        deliver(account, contact.get().email(), subject, body.toString());
        return posts.size() >= DialogueManagement.DIGEST_LIMIT ? posts.getLast().publishedAt() : asOf;
    }

    /** Partnerships asked for or decided since the last digest: kind, "from → to", link. */
    private List<String[]> partnershipNews(AccountId account, Instant since, Instant asOf) {
        return jdbc.sql(
                        """
                        SELECT kind, thread_title, link FROM notifications_notification
                         WHERE account_id = :a AND kind LIKE 'PARTNERSHIP%'
                           AND created_at > CAST(:since AS timestamptz) AND created_at <= CAST(:asOf AS timestamptz)
                         ORDER BY created_at, id
                        """)
                .param("a", account.value())
                .param("since", java.sql.Timestamp.from(since))
                .param("asOf", java.sql.Timestamp.from(asOf))
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
    }

    private void deliver(AccountId account, String to, String subject, String body) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(to);
                message.setSubject(subject);
                message.setText(body);
                sender.send(message);
                return;
            } catch (MailException failed) {
                log.warn("Could not send a digest; it waits in the outbox: {}", failed.getMessage());
            }
        }
        jdbc.sql("INSERT INTO notifications_outbox (account_id, recipient, subject, body)"
                        + " VALUES (:account, :to, :subject, :body)")
                .param("account", account.value())
                .param("to", to)
                .param("subject", subject)
                .param("body", body)
                .update();
    }

    /** Tries again the mails that waited in the outbox, once an SMTP server is there. */
    private void retryOutbox() {
        // claimed rows are skipped by other nodes, so no mail goes out twice
        transactions.executeWithoutResult(status -> retryClaimedOutbox());
    }

    private void retryClaimedOutbox() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        var waiting = jdbc.sql("SELECT id, recipient, subject, body FROM notifications_outbox WHERE sent_at IS NULL"
                        + " AND attempts < 10 ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .list();
        for (Object[] mail : waiting) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo((String) mail[1]);
                message.setSubject((String) mail[2]);
                message.setText((String) mail[3]);
                sender.send(message);
                // a sent mail is not kept: the address and the excerpts are personal data
                jdbc.sql("DELETE FROM notifications_outbox WHERE id = :id")
                        .param("id", mail[0])
                        .update();
            } catch (MailException failed) {
                jdbc.sql("UPDATE notifications_outbox SET attempts = attempts + 1 WHERE id = :id")
                        .param("id", mail[0])
                        .update();
            }
        }
    }

    private List<Long> followed(AccountId account, String type) {
        return jdbc.sql("SELECT target_id FROM notifications_follow WHERE account_id = :a AND target_type = :t")
                .param("a", account.value())
                .param("t", type)
                .query(Long.class)
                .list();
    }
}
